#pragma once
// Salted PBKDF2-HMAC-SHA256 password hashes (QPasswordDigestor). Stored as
// "pbkdf2-sha256$<iterations>$<salt base64>$<key base64>"; the password itself is never stored or logged.
// Deriving a key takes tens of milliseconds on purpose: call it from the thread pool, not the GUI thread.
#include <QString>

namespace PasswordHash {
constexpr int defaultIterations = 60000;
QString create(const QString &password, int iterations = defaultIterations);
bool verify(const QString &password, const QString &stored);
} // namespace PasswordHash
