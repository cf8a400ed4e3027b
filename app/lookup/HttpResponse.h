#pragma once
// What came back from one HttpTransfer: either an HTTP status with headers and (decoded) body, or a transport
// failure. An HTTP error status is not a transport failure.
#include <QByteArray>
#include <QHash>
#include <QString>

struct HttpResponse
{
    enum class Failure
    {
        None,
        Timeout,          // transfer or connect deadline expired
        ConnectionFailed, // refused, reset, nothing received, truncated body, DNS
        Cancelled,
        TooLarge,
        Other // TLS verification, bad URL, ...: not worth retrying
    };

    long status = 0;
    QHash<QByteArray, QByteArray> headers; // names lower-cased; last value wins
    QByteArray body;
    Failure failure = Failure::None;
    QString errorText;
    qint64 elapsedMs = 0;

    bool transportOk() const { return failure == Failure::None; }
    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
    // One line for logs and per-item error reasons: "HTTP 503" or the transport error.
    QString summary() const;
};
