#pragma once
// Writes a plain zip archive (deflate, via zlib) of existing files, streamed, so exports of any size can be
// bundled. No zip64: each member and the archive must stay under 4 GiB (checked).
#include <QString>
#include <QStringList>

namespace ZipArchive {
// Adds each file under its file name; returns an error text naming the file, empty on success.
QString write(const QString &zipFile, const QStringList &files);
} // namespace ZipArchive
