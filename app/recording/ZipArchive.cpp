#include "ZipArchive.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QtEndian>

#include <zlib.h>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ZipArchive", text);
}

void put16(QByteArray &out, quint32 v)
{
    const quint16 le = qToLittleEndian(quint16(v));
    out.append(reinterpret_cast<const char *>(&le), 2);
}

void put32(QByteArray &out, quint32 v)
{
    const quint32 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char *>(&le), 4);
}

struct Member
{
    QByteArray name;
    quint32 crc = 0;
    quint32 compressed = 0;
    quint32 size = 0;
    quint32 offset = 0;
    quint16 dosTime = 0;
    quint16 dosDate = 0;
};

// Fields shared by the local header (from "version needed") and the central directory entry.
QByteArray commonFields(const Member &m)
{
    QByteArray out;
    put16(out, 20);     // version needed: deflate
    put16(out, 0x0800); // names are UTF-8
    put16(out, 8);      // deflate
    put16(out, m.dosTime);
    put16(out, m.dosDate);
    put32(out, m.crc);
    put32(out, m.compressed);
    put32(out, m.size);
    put16(out, quint32(m.name.size()));
    put16(out, 0); // extra field length
    return out;
}

// Deflates source into the archive after its local header; fills crc and sizes.
QString deflateInto(QFile &source, QSaveFile &zip, Member &member)
{
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return tr("zlib could not start");
    QByteArray output(1 << 16, Qt::Uninitialized);
    quint64 size = 0, compressed = 0;
    uLong crc = crc32(0, nullptr, 0);
    QString error;
    int flush = Z_NO_FLUSH;
    do {
        QByteArray input = source.read(1 << 18);
        flush = source.atEnd() ? Z_FINISH : Z_NO_FLUSH;
        crc = crc32(crc, reinterpret_cast<const Bytef *>(input.constData()), uInt(input.size()));
        size += quint64(input.size());
        stream.next_in = reinterpret_cast<Bytef *>(input.data());
        stream.avail_in = uInt(input.size());
        do {
            stream.next_out = reinterpret_cast<Bytef *>(output.data());
            stream.avail_out = uInt(output.size());
            deflate(&stream, flush);
            const qint64 produced = output.size() - stream.avail_out;
            compressed += quint64(produced);
            if (zip.write(output.constData(), produced) != produced)
                error = zip.errorString();
        } while (stream.avail_out == 0 && error.isEmpty());
    } while (flush != Z_FINISH && error.isEmpty());
    deflateEnd(&stream);
    if (size > 0xffffffffu || compressed > 0xffffffffu)
        return tr("%1 is too large for a zip without zip64").arg(source.fileName());
    member.crc = quint32(crc);
    member.size = quint32(size);
    member.compressed = quint32(compressed);
    return error;
}
} // namespace

QString ZipArchive::write(const QString &zipFile, const QStringList &files)
{
    QSaveFile zip(zipFile);
    if (!zip.open(QIODevice::WriteOnly))
        return tr("cannot write %1: %2").arg(zipFile, zip.errorString());
    QList<Member> members;
    for (const QString &path : files) {
        QFile source(path);
        if (!source.open(QIODevice::ReadOnly))
            return tr("cannot read %1: %2").arg(path, source.errorString());
        Member member;
        member.name = QFileInfo(path).fileName().toUtf8();
        const QDateTime modified = QFileInfo(path).lastModified();
        member.dosTime = quint16((modified.time().hour() << 11) | (modified.time().minute() << 5) |
                                 (modified.time().second() / 2));
        member.dosDate = quint16(((modified.date().year() - 1980) << 9) | (modified.date().month() << 5) |
                                 modified.date().day());
        if (zip.pos() > 0xffffffffLL)
            return tr("%1 is too large for a zip without zip64").arg(zipFile);
        member.offset = quint32(zip.pos());
        QByteArray header;
        put32(header, 0x04034b50);
        header += commonFields(member) + member.name;
        zip.write(header);
        if (const QString error = deflateInto(source, zip, member); !error.isEmpty())
            return tr("cannot add %1 to %2: %3").arg(path, zipFile, error);
        // Now that crc and sizes are known, rewrite the header in place.
        const qint64 end = zip.pos();
        header.clear();
        put32(header, 0x04034b50);
        header += commonFields(member) + member.name;
        if (!zip.seek(member.offset) || zip.write(header) != header.size() || !zip.seek(end))
            return tr("cannot write %1: %2").arg(zipFile, zip.errorString());
        members.append(member);
    }
    const qint64 directoryStart = zip.pos();
    QByteArray directory;
    for (const Member &m : members) {
        put32(directory, 0x02014b50);
        put16(directory, 0x0314); // made by: Unix, zip 2.0
        directory += commonFields(m);
        put16(directory, 0);              // comment length
        put16(directory, 0);              // disk
        put16(directory, 0);              // internal attributes
        put32(directory, 0100644u << 16); // external attributes: a regular file, rw-r--r--
        put32(directory, m.offset);
        directory += m.name;
    }
    const quint32 directorySize = quint32(directory.size());
    put32(directory, 0x06054b50); // end of central directory
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, quint32(members.size()));
    put16(directory, quint32(members.size()));
    put32(directory, directorySize);
    put32(directory, quint32(directoryStart));
    put16(directory, 0);
    if (zip.write(directory) != directory.size() || !zip.commit())
        return tr("cannot write %1: %2").arg(zipFile, zip.errorString());
    return {};
}
