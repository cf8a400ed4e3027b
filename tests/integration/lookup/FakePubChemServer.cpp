#include "FakePubChemServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>
#include <zlib.h>

namespace {
QByteArray gzip(const QByteArray &data)
{
    z_stream stream{};
    deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&stream, uLong(data.size()))) + 32, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(int(stream.total_out));
    deflateEnd(&stream);
    return out;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 202:
        return "Accepted";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    }
    return "Status";
}

QString formValue(const QByteArray &body, const QByteArray &key)
{
    for (const QByteArray &pair : body.split('&')) {
        if (pair.startsWith(key + '=')) {
            QByteArray value = pair.mid(key.size() + 1);
            value.replace('+', ' ');
            return QUrl::fromPercentEncoding(value);
        }
    }
    return {};
}

QList<qint64> cidList(const QString &text)
{
    QList<qint64> cids;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        cids.append(part.trimmed().toLongLong());
    return cids;
}
} // namespace

FakePubChemServer::FakePubChemServer(const QString &fixtureDirectory, QObject *parent)
    : QObject(parent), m_fixtureDirectory(fixtureDirectory)
{
    m_clock.start();
    loadFixtures();
    connect(&m_server, &QTcpServer::newConnection, this, &FakePubChemServer::onNewConnection);
}

bool FakePubChemServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakePubChemServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/rest/pug").arg(m_server.serverPort()));
}

void FakePubChemServer::setChunked(bool on, int chunkBytes, int chunkDelayMs)
{
    m_chunked = on;
    m_chunkBytes = chunkBytes;
    m_chunkDelayMs = chunkDelayMs;
}

void FakePubChemServer::script(const QString &name, const QList<Behaviour> &behaviours)
{
    m_scripts[name.toLower()] += behaviours;
}

QByteArray FakePubChemServer::fixture(const QString &name) const
{
    QFile file(m_fixtureDirectory + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("fixture missing: %s", qPrintable(file.fileName()));
    return file.readAll();
}

void FakePubChemServer::loadFixtures()
{
    const QJsonObject known =
        QJsonDocument::fromJson(fixture(QStringLiteral("known_compounds.json"))).object();
    for (const QJsonValue &entry : known.value(QStringLiteral("compounds")).toArray()) {
        const QJsonObject object = entry.toObject();
        const QJsonObject record = object.value(QStringLiteral("record")).toObject();
        const qint64 cid = record.value(QStringLiteral("CID")).toInteger();
        m_recordsByCid.insert(cid, record);
        if (object.value(QStringLiteral("oldKeys")).toBool())
            m_oldKeyCids.insert(cid);
        for (const QJsonValue &name : object.value(QStringLiteral("names")).toArray())
            m_recordsByName.insert(name.toString().toLower(), record);
    }
    m_ambiguousCids = cidList(QString::fromLatin1(
        fixture(QStringLiteral("pcc_04_xref_rn_50-78-2_multiple_cids.txt")).trimmed().replace('\n', ',')));
    m_synonyms5756 = QString::fromUtf8(fixture(QStringLiteral("pcc_09_cid_5756_synonyms.txt")))
                         .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

int FakePubChemServer::maxRequestsInAnyWindow(qint64 windowMs) const
{
    int worst = 0;
    for (int i = 0, j = 0; i < m_arrivalsMs.size(); ++i) {
        while (m_arrivalsMs.at(i) - m_arrivalsMs.at(j) >= windowMs)
            ++j;
        worst = std::max(worst, i - j + 1);
    }
    return worst;
}

void FakePubChemServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_connections;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void FakePubChemServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    for (;;) {
        const int headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            break;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        qint64 contentLength = 0;
        bool acceptsGzip = false;
        for (const QByteArray &line : lines.mid(1)) {
            const QByteArray lower = line.trimmed().toLower();
            if (lower.startsWith("content-length:"))
                contentLength = lower.mid(15).trimmed().toLongLong();
            if (lower.startsWith("accept-encoding:") && lower.contains("gzip"))
                acceptsGzip = true;
        }
        if (buffer.size() < headerEnd + 4 + contentLength)
            break;
        const QByteArray body = buffer.mid(headerEnd + 4, contentLength);
        buffer.remove(0, int(headerEnd + 4 + contentLength));

        const qint64 arrival = m_clock.elapsed();
        m_arrivalsMs.append(arrival);
        int recent = 0;
        for (qint64 t : std::as_const(m_arrivalsMs))
            recent += t > arrival - 1000 ? 1 : 0;
        QString name;
        Reply reply;
        if (m_enforcedPerSecond > 0 && recent > m_enforcedPerSecond) {
            ++m_busyRejections;
            reply = failure(Behaviour::Busy503Json);
        } else {
            reply = route(requestLine.value(0), requestLine.value(1), body, &name);
        }
        const int latency = m_latencyByName.value(name, m_latencyMs);
        QPointer<QTcpSocket> guarded(socket);
        QTimer::singleShot(latency, this, [this, guarded, reply, acceptsGzip] {
            if (guarded)
                send(guarded, reply, acceptsGzip);
        });
    }
    socket->setProperty("buffer", buffer);
}

FakePubChemServer::Reply FakePubChemServer::route(const QByteArray &method, const QByteArray &path,
                                                  const QByteArray &body, QString *name)
{
    static const QRegularExpression nameProperty(
        QStringLiteral("^/rest/pug/compound/name/property/([^/]+)/JSON$"));
    static const QRegularExpression cidProperty(
        QStringLiteral("^/rest/pug/compound/cid/property/([^/]+)/JSON$"));
    static const QRegularExpression listKeyProperty(
        QStringLiteral("^/rest/pug/compound/listkey/([0-9]+)/property/([^/]+)/JSON$"));
    const QString target = QString::fromLatin1(path);
    if (method == "GET") {
        const auto match = listKeyProperty.match(target);
        if (!match.hasMatch() || !m_namesByListKey.contains(match.captured(1)))
            return failure(Behaviour::BadRequest400);
        ++m_listKeyPolls;
        *name = m_namesByListKey.value(match.captured(1));
        m_requestsByName[*name] += 1;
        if (const auto reply = scripted(*name))
            return *reply;
        return answerNames(*name, match.captured(2).split(QLatin1Char(',')));
    }
    if (method != "POST")
        return failure(Behaviour::BadRequest400);
    if (const auto match = nameProperty.match(target); match.hasMatch()) {
        *name = formValue(body, "name");
        const QString key = name->toLower();
        m_requestsByName[key] += 1;
        if (const auto reply = scripted(key))
            return *reply;
        return answerNames(key, match.captured(1).split(QLatin1Char(',')));
    }
    if (const auto match = cidProperty.match(target); match.hasMatch())
        return answerCids(cidList(formValue(body, "cid")), match.captured(1).split(QLatin1Char(',')));
    if (target == QLatin1String("/rest/pug/compound/cid/synonyms/JSON"))
        return answerSynonyms(cidList(formValue(body, "cid")));
    return failure(Behaviour::BadRequest400);
}

QJsonObject FakePubChemServer::selectProperties(const QJsonObject &record, const QStringList &properties,
                                                bool oldKeys) const
{
    QJsonObject selected{{QStringLiteral("CID"), record.value(QStringLiteral("CID"))}};
    for (const QString &property : properties) {
        if (!record.contains(property))
            continue; // like PubChem: a property it has no value for is simply absent
        QString key = property;
        if (oldKeys && property == QLatin1String("SMILES"))
            key = QStringLiteral("IsomericSMILES");
        if (oldKeys && property == QLatin1String("ConnectivitySMILES"))
            key = QStringLiteral("CanonicalSMILES");
        selected.insert(key, record.value(property));
    }
    return selected;
}

FakePubChemServer::Reply FakePubChemServer::answerNames(const QString &name, const QStringList &properties)
{
    QList<qint64> cids;
    static const QRegularExpression synthetic(QStringLiteral("^compound-(\\d+)$"));
    if (m_recordsByName.contains(name))
        cids.append(m_recordsByName.value(name).value(QStringLiteral("CID")).toInteger());
    else if (name == QLatin1String("50-78-2"))
        cids = m_ambiguousCids;
    else if (const auto match = synthetic.match(name); match.hasMatch())
        cids.append(900000 + match.captured(1).toLongLong());
    if (cids.isEmpty()) {
        Reply reply;
        reply.status = 404;
        reply.body = fixture(QStringLiteral("reconstructed_404_name_notfound.json"));
        return reply;
    }
    return answerCids(cids, properties);
}

FakePubChemServer::Reply FakePubChemServer::answerCids(const QList<qint64> &cids,
                                                       const QStringList &properties)
{
    QJsonArray table;
    for (qint64 cid : cids) {
        QJsonObject record = m_recordsByCid.value(cid);
        if (record.isEmpty() && cid >= 900000) {
            const qint64 n = cid - 900000;
            record = {{QStringLiteral("CID"), cid},
                      {QStringLiteral("Title"), QStringLiteral("Compound %1").arg(n)},
                      {QStringLiteral("MolecularFormula"), QStringLiteral("C%1H%2").arg(n).arg(2 * n + 2)},
                      {QStringLiteral("MolecularWeight"),
                       QString::number(12.011 * n + 1.008 * (2 * n + 2), 'f', 2)}};
        } else if (record.isEmpty() && m_ambiguousCids.contains(cid)) {
            record = {{QStringLiteral("CID"), cid}};
        }
        if (!record.isEmpty())
            table.append(selectProperties(record, properties, m_oldKeyCids.contains(cid)));
    }
    Reply reply;
    if (table.isEmpty()) {
        reply.status = 404;
        reply.body = fixture(QStringLiteral("reconstructed_404_name_notfound.json"));
        return reply;
    }
    reply.body = QJsonDocument(QJsonObject{{QStringLiteral("PropertyTable"),
                                            QJsonObject{{QStringLiteral("Properties"), table}}}})
                     .toJson(QJsonDocument::Compact);
    return reply;
}

FakePubChemServer::Reply FakePubChemServer::answerSynonyms(const QList<qint64> &cids)
{
    QJsonArray information;
    for (qint64 cid : cids) {
        if (cid == 5756)
            information.append(
                QJsonObject{{QStringLiteral("CID"), cid},
                            {QStringLiteral("Synonym"), QJsonArray::fromStringList(m_synonyms5756)}});
    }
    Reply reply;
    if (information.isEmpty()) {
        reply.status = 404;
        reply.body = fixture(QStringLiteral("reconstructed_404_name_notfound.json"));
        return reply;
    }
    reply.body = QJsonDocument(QJsonObject{{QStringLiteral("InformationList"),
                                            QJsonObject{{QStringLiteral("Information"), information}}}})
                     .toJson(QJsonDocument::Compact);
    return reply;
}

std::optional<FakePubChemServer::Reply> FakePubChemServer::scripted(const QString &name)
{
    QList<Behaviour> &pending = m_scripts[name];
    if (pending.isEmpty())
        return std::nullopt;
    const Behaviour behaviour = pending.takeFirst();
    if (behaviour == Behaviour::Answer)
        return std::nullopt;
    if (behaviour == Behaviour::Waiting202) {
        // One key per name, as PubChem keeps one result per request.
        QString listKey = m_namesByListKey.key(name);
        if (listKey.isEmpty()) {
            listKey = QString::number(2398753925000 + m_namesByListKey.size());
            m_namesByListKey.insert(listKey, name);
        }
        Reply reply;
        reply.status = 202;
        reply.behaviour = behaviour;
        reply.body = QStringLiteral(R"({"Waiting":{"ListKey":"%1","Message":"Your request is running"}})")
                         .arg(listKey)
                         .toUtf8();
        return reply;
    }
    return failure(behaviour);
}

FakePubChemServer::Reply FakePubChemServer::failure(Behaviour behaviour) const
{
    Reply reply;
    reply.behaviour = behaviour;
    switch (behaviour) {
    case Behaviour::Busy503Json:
        reply.status = 503;
        reply.body = fixture(QStringLiteral("reconstructed_503_serverbusy.json"));
        break;
    case Behaviour::Busy503Html:
        reply.status = 503;
        reply.contentType = "text/html";
        reply.body = fixture(QStringLiteral("constructed_503_html.html"));
        break;
    case Behaviour::GatewayTimeout504:
        reply.status = 504;
        reply.body = R"({"Fault":{"Code":"PUGREST.Timeout","Message":"Request timed out"}})";
        break;
    case Behaviour::ServerError500Html:
        reply.status = 500;
        reply.contentType = "text/html";
        reply.body = "<html><head><title>500 Internal Server Error</title></head><body>oops</body></html>";
        break;
    case Behaviour::BadRequest400:
        reply.status = 400;
        reply.body = fixture(QStringLiteral("reconstructed_400_bad_smiles.json"));
        break;
    case Behaviour::MalformedJson:
        reply.body = fixture(QStringLiteral("constructed_property_truncated.json"));
        break;
    case Behaviour::TruncatedBody:
    case Behaviour::StallBody:
        reply.body = fixture(QStringLiteral("constructed_property_ethanol_current_keys.json"));
        break;
    case Behaviour::ResetConnection:
    case Behaviour::Answer:
    case Behaviour::Waiting202: // see scripted()
        break;
    }
    return reply;
}

void FakePubChemServer::send(QTcpSocket *socket, const Reply &reply, bool acceptsGzip)
{
    if (reply.behaviour == Behaviour::ResetConnection) {
        // SO_LINGER 0 makes close() send a TCP RST instead of a FIN.
        const linger hard{1, 0};
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        socket->abort();
        return;
    }
    const bool compressed = m_gzip && acceptsGzip;
    const QByteArray body = compressed ? gzip(reply.body) : reply.body;
    const bool chunked =
        m_chunked && reply.behaviour != Behaviour::TruncatedBody && reply.behaviour != Behaviour::StallBody;
    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    head += "Content-Type: " + reply.contentType + "\r\n";
    if (!m_throttlingStatus.isEmpty()) {
        const QByteArray status = reply.status == 503 ? QByteArray("Red") : m_throttlingStatus;
        head += "X-Throttling-Control: Request Count status: " + status +
                " (80%), Request Time status: Green (2%), Service status: Green (10%)\r\n";
    }
    if (reply.status == 503 && m_retryAfterSeconds > 0)
        head += "Retry-After: " + QByteArray::number(m_retryAfterSeconds) + "\r\n";
    if (compressed)
        head += "Content-Encoding: gzip\r\n";
    head += chunked ? QByteArray("Transfer-Encoding: chunked\r\n")
                    : "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    head += "\r\n";
    socket->write(head);
    switch (reply.behaviour) {
    case Behaviour::TruncatedBody:
        socket->write(body.left(body.size() / 2));
        socket->disconnectFromHost();
        return;
    case Behaviour::StallBody:
        socket->write(body.left(4)); // and nothing more: the client's deadline must end it
        return;
    default:
        break;
    }
    if (chunked)
        writeChunks(socket, body);
    else
        socket->write(body);
}

void FakePubChemServer::writeChunks(QTcpSocket *socket, QByteArray body)
{
    // Writes one chunk now and the rest after m_chunkDelayMs (a slow body), then the terminating chunk.
    const QByteArray piece = body.left(m_chunkBytes);
    body.remove(0, piece.size());
    if (!piece.isEmpty())
        socket->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
    if (body.isEmpty()) {
        socket->write("0\r\n\r\n");
        return;
    }
    if (m_chunkDelayMs <= 0) {
        writeChunks(socket, body);
        return;
    }
    QPointer<QTcpSocket> guarded(socket);
    QTimer::singleShot(m_chunkDelayMs, this, [this, guarded, body] {
        if (guarded)
            writeChunks(guarded, body);
    });
}
