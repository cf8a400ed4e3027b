#pragma once
// The hash chain of the audit trail: each row's hash is SHA-256 over the previous row's hash and this row's
// id and fields, each field length-prefixed so that no two different rows encode to the same bytes. Changing
// any byte of any field, deleting, inserting or reordering rows breaks the chain from that row on.
#include "AuditEntry.h"

#include <QByteArray>

namespace AuditChain {
// What the first row chains to.
QByteArray genesis();
QByteArray rowHash(const QByteArray &previousHash, qint64 id, const AuditEntry &entry);
} // namespace AuditChain
