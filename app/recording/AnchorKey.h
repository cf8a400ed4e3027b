#pragma once
// The per-installation secret that seals anchor lines (HMAC-SHA256): 32 bytes from the system CSPRNG,
// created once, stored in its own file readable by the owner only (0600), never in a run file.
#include <QByteArray>
#include <QString>

class AnchorKey
{
public:
    static constexpr int size = 32;

    // Reads the key; creates it first when the file does not exist (and create is true). Returns an error
    // text naming the file, empty on success.
    static QString load(const QString &keyFile, bool create, QByteArray *key);
};
