#include "AuditChain.h"

#include <QCryptographicHash>
#include <QtEndian>

namespace {
void addField(QCryptographicHash &hash, const QByteArray &bytes)
{
    const quint32 length = qToBigEndian(quint32(bytes.size()));
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(&length), sizeof length));
    hash.addData(bytes);
}
} // namespace

QByteArray AuditChain::genesis()
{
    return QByteArray(32, '\0');
}

QByteArray AuditChain::rowHash(const QByteArray &previousHash, qint64 id, const AuditEntry &entry)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addField(hash, previousHash);
    addField(hash, QByteArray::number(id));
    addField(hash, QByteArray::number(entry.timeMs));
    for (const QString *field :
         {&entry.user, &entry.role, &entry.object, &entry.oldValue, &entry.newValue, &entry.reason})
        addField(hash, field->toUtf8());
    return hash.result();
}
