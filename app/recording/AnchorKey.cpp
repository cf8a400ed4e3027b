#include "AnchorKey.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryFile>

#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("AnchorKey", text);
}

// Written whole to a private temporary file (0600, so no window in which others could read it), synced, and
// only then linked to its name: a process killed while creating it, or a second one starting meanwhile, never
// sees a short key. link() does not replace an existing file, so two creators agree on the first one's key.
// Anchors sealed with a key that a power cut then loses could never be checked, hence the sync.
QString createKey(const QString &keyFile)
{
    if (!QDir().mkpath(QFileInfo(keyFile).absolutePath()))
        return tr("cannot create the folder of anchor key %1").arg(keyFile);
    QTemporaryFile file(keyFile + QStringLiteral(".XXXXXX"));
    if (!file.open())
        return tr("cannot create anchor key %1: %2").arg(keyFile, file.errorString());
    QByteArray key(AnchorKey::size, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(key.data()),
                                         reinterpret_cast<quint32 *>(key.data() + key.size()));
    if (file.write(key) != key.size() || !file.flush() || ::fsync(file.handle()) != 0)
        return tr("cannot write anchor key %1: %2").arg(keyFile, file.errorString());
    if (::link(QFile::encodeName(file.fileName()).constData(), QFile::encodeName(keyFile).constData()) != 0 &&
        errno != EEXIST)
        return tr("cannot create anchor key %1: %2").arg(keyFile, QString::fromLocal8Bit(::strerror(errno)));
    return {};
}
} // namespace

QString AnchorKey::load(const QString &keyFile, bool create, QByteArray *key)
{
    if (create && !QFileInfo::exists(keyFile)) {
        if (const QString error = createKey(keyFile); !error.isEmpty())
            return error;
    }
    QFile file(keyFile);
    if (!file.open(QIODevice::ReadOnly))
        return tr("cannot read anchor key %1: %2").arg(keyFile, file.errorString());
    *key = file.readAll();
    if (key->size() != size)
        return tr("anchor key %1 is damaged: %2 bytes instead of %3").arg(keyFile).arg(key->size()).arg(size);
    return {};
}
