#include "AnchorKey.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <unistd.h>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("AnchorKey", text);
}

// Created with its final permissions (no window in which others could read it) and synced before use:
// anchors sealed with a key that a power cut then loses could never be checked.
QString createKey(const QString &keyFile)
{
    if (!QDir().mkpath(QFileInfo(keyFile).absolutePath()))
        return tr("cannot create the folder of anchor key %1").arg(keyFile);
    QFile file(keyFile);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return file.exists() ? QString() // another process created it meanwhile: read that one
                             : tr("cannot create anchor key %1: %2").arg(keyFile, file.errorString());
    QByteArray key(AnchorKey::size, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(key.data()),
                                         reinterpret_cast<quint32 *>(key.data() + key.size()));
    if (file.write(key) != key.size() || !file.flush() || ::fsync(file.handle()) != 0) {
        file.remove();
        return tr("cannot write anchor key %1: %2").arg(keyFile, file.errorString());
    }
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
