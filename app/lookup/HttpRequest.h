#pragma once
// One HTTP request for CurlMultiLoop: a GET, or a POST when postBody is set.
#include <QByteArray>
#include <QList>
#include <QUrl>

#include <optional>

struct HttpRequest
{
    QUrl url;
    std::optional<QByteArray> postBody;
    QByteArray contentType = "application/x-www-form-urlencoded";
    QList<QByteArray> extraHeaders; // "Name: value"
    int timeoutMs = 30000;          // whole transfer
    int connectTimeoutMs = 10000;
    qint64 maxBodyBytes = 16 * 1024 * 1024; // bound memory per response
};
