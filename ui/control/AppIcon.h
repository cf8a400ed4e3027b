#pragma once
// The application's icon (resources/icons/reactordesk.svg, compiled into rd_ui_control): the window icon and
// the tray icon. Drawn by the Qt SVG icon engine (qt6-svg).
#include <QIcon>

QIcon appIcon();
