# CPack: `cpack -G DEB` (or `make package`) builds a Debian package with the three programs, the .desktop file
# and the icon. Dependencies come from dpkg-shlibdeps, so the package names exactly the libraries it links.
set(CPACK_PACKAGE_NAME "reactordesk")
set(CPACK_PACKAGE_VENDOR "ReactorDesk")
set(CPACK_PACKAGE_CONTACT "ReactorDesk developers <dev@reactordesk.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Bioreactor workstation: live plots, feed control, run recording")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Plugins are loaded at run time, so dpkg-shlibdeps cannot see them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins")
set(CPACK_STRIP_FILES ON)
include(CPack)
