#include "HttpTransfer.h"

#include "CurlMultiLoop.h"
#include "LookupLog.h"

#include <QCoreApplication>

namespace {
HttpResponse::Failure failureFor(CURLcode code)
{
    switch (code) {
    case CURLE_OK:
        return HttpResponse::Failure::None;
    case CURLE_OPERATION_TIMEDOUT:
        return HttpResponse::Failure::Timeout;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_BAD_CONTENT_ENCODING: // a gzip stream cut short
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return HttpResponse::Failure::ConnectionFailed;
    case CURLE_WRITE_ERROR:
        return HttpResponse::Failure::TooLarge;
    default:
        return HttpResponse::Failure::Other;
    }
}
} // namespace

HttpTransfer::HttpTransfer(CurlMultiLoop *loop, HttpRequest request, QObject *parent)
    : QObject(parent), m_loop(loop), m_easy(curl_easy_init()), m_request(std::move(request))
{
    m_clock.start();
}

HttpTransfer::~HttpTransfer()
{
    if (m_loop)
        m_loop->detach(this);
    curl_easy_cleanup(m_easy);
    curl_slist_free_all(m_headerList);
}

bool HttpTransfer::configure(QString *error)
{
    if (!m_easy) {
        *error = QCoreApplication::translate("HttpTransfer", "could not create a curl handle");
        return false;
    }
    const QByteArray url = m_request.url.toEncoded();
    if (!m_request.url.isValid() || (m_request.url.scheme() != QLatin1String("http") &&
                                     m_request.url.scheme() != QLatin1String("https"))) {
        *error = QCoreApplication::translate("HttpTransfer", "invalid URL: %1").arg(m_request.url.toString());
        return false;
    }
    curl_easy_setopt(m_easy, CURLOPT_URL, url.constData()); // curl copies strings
    curl_easy_setopt(m_easy, CURLOPT_PRIVATE, this);
    curl_easy_setopt(m_easy, CURLOPT_ERRORBUFFER, m_errorBuffer);
    curl_easy_setopt(m_easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(m_easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(m_easy, CURLOPT_ACCEPT_ENCODING, ""); // every encoding curl was built with (gzip, ...)
    curl_easy_setopt(m_easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(m_easy, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(m_easy, CURLOPT_TIMEOUT_MS, long(m_request.timeoutMs));
    curl_easy_setopt(m_easy, CURLOPT_CONNECTTIMEOUT_MS, long(m_request.connectTimeoutMs));
    curl_easy_setopt(m_easy, CURLOPT_USERAGENT, "ReactorDesk/" REACTORDESK_VERSION);
    curl_easy_setopt(m_easy, CURLOPT_WRITEFUNCTION, &HttpTransfer::onBody);
    curl_easy_setopt(m_easy, CURLOPT_WRITEDATA, this);
    curl_easy_setopt(m_easy, CURLOPT_HEADERFUNCTION, &HttpTransfer::onHeader);
    curl_easy_setopt(m_easy, CURLOPT_HEADERDATA, this);
    // "Expect: 100-continue" would add a round trip to every POST.
    m_headerList = curl_slist_append(m_headerList, "Expect:");
    if (m_request.postBody) {
        curl_easy_setopt(m_easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(m_request.postBody->size()));
        curl_easy_setopt(m_easy, CURLOPT_COPYPOSTFIELDS, m_request.postBody->constData());
        m_headerList =
            curl_slist_append(m_headerList, ("Content-Type: " + m_request.contentType).constData());
    }
    for (const QByteArray &header : std::as_const(m_request.extraHeaders))
        m_headerList = curl_slist_append(m_headerList, header.constData());
    curl_easy_setopt(m_easy, CURLOPT_HTTPHEADER, m_headerList);
    return true;
}

void HttpTransfer::cancel()
{
    if (!m_loop)
        return;
    m_loop->detach(this);
    m_response.failure = HttpResponse::Failure::Cancelled;
    m_response.errorText = QCoreApplication::translate("HttpTransfer", "cancelled");
    m_response.elapsedMs = m_clock.elapsed();
    Q_EMIT finished(this);
}

void HttpTransfer::complete(CURLcode code)
{
    curl_easy_getinfo(m_easy, CURLINFO_RESPONSE_CODE, &m_response.status);
    m_response.failure = failureFor(code);
    m_response.elapsedMs = m_clock.elapsed();
    if (code != CURLE_OK) {
        const QString detail =
            m_errorBuffer[0] ? QString::fromUtf8(m_errorBuffer) : QString::fromUtf8(curl_easy_strerror(code));
        m_response.errorText =
            code == CURLE_WRITE_ERROR
                ? QCoreApplication::translate("HttpTransfer", "response larger than %1 bytes")
                      .arg(m_request.maxBodyBytes)
                : detail;
        qCDebug(lcLookup) << "transfer failed" << m_request.url.toString() << detail;
    }
    Q_EMIT finished(this);
}

void HttpTransfer::failBeforeStart(const QString &error)
{
    m_response.failure = HttpResponse::Failure::Other;
    m_response.errorText = error;
    Q_EMIT finished(this);
}

size_t HttpTransfer::onBody(char *data, size_t size, size_t count, void *transfer)
{
    auto *self = static_cast<HttpTransfer *>(transfer);
    const size_t bytes = size * count;
    if (self->m_response.body.size() + qint64(bytes) > self->m_request.maxBodyBytes)
        return 0; // makes curl stop with CURLE_WRITE_ERROR
    self->m_response.body.append(data, qsizetype(bytes));
    return bytes;
}

size_t HttpTransfer::onHeader(char *data, size_t size, size_t count, void *transfer)
{
    const size_t bytes = size * count;
    static_cast<HttpTransfer *>(transfer)->appendHeaderLine(QByteArray(data, qsizetype(bytes)).trimmed());
    return bytes;
}

void HttpTransfer::appendHeaderLine(const QByteArray &line)
{
    if (line.startsWith("HTTP/")) {
        m_response.headers.clear(); // a new response (after 100 Continue or a redirect)
        return;
    }
    const int colon = line.indexOf(':');
    if (colon <= 0)
        return;
    m_response.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
}
