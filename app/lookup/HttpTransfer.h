#pragma once
// One HTTP exchange running on a CurlMultiLoop (one curl easy handle). Created by CurlMultiLoop::start.
#include "HttpRequest.h"
#include "HttpResponse.h"

#include <QElapsedTimer>
#include <QObject>

#include <curl/curl.h>

class CurlMultiLoop;

class HttpTransfer : public QObject
{
    Q_OBJECT
public:
    ~HttpTransfer() override; // a running transfer is removed from the loop first

    const HttpRequest &request() const { return m_request; }
    const HttpResponse &response() const { return m_response; }
    bool isRunning() const { return m_loop != nullptr; }

    // Stops a running transfer; finished is emitted (synchronously) with Failure::Cancelled.
    void cancel();

Q_SIGNALS:
    void finished(HttpTransfer *transfer);

private:
    friend class CurlMultiLoop;
    HttpTransfer(CurlMultiLoop *loop, HttpRequest request, QObject *parent);
    bool configure(QString *error);
    void complete(CURLcode code);
    void failBeforeStart(const QString &error);
    void appendHeaderLine(const QByteArray &line);

    static size_t onBody(char *data, size_t size, size_t count, void *transfer);
    static size_t onHeader(char *data, size_t size, size_t count, void *transfer);

    CurlMultiLoop *m_loop;
    CURL *m_easy;
    curl_slist *m_headerList = nullptr;
    HttpRequest m_request;
    HttpResponse m_response;
    QElapsedTimer m_clock;
    char m_errorBuffer[CURL_ERROR_SIZE] = {};
};
