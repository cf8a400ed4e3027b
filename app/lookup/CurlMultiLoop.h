#pragma once
// One libcurl multi handle driven by the Qt event loop (the aiohttp ClientSession of this program).
//
// CURLMOPT_SOCKETFUNCTION creates, enables and disables one QSocketNotifier per direction per socket;
// CURLMOPT_TIMERFUNCTION only arms a single-shot QTimer (curl is never called from inside its own callbacks).
// On socket activity or timer expiry we call curl_multi_socket_action, then drain curl_multi_info_read.
// Connections are kept in the multi handle's pool and reused across transfers.
#include "HttpRequest.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <curl/curl.h>

class HttpTransfer;
class QSocketNotifier;

class CurlMultiLoop : public QObject
{
    Q_OBJECT
public:
    explicit CurlMultiLoop(QObject *parent = nullptr);
    // Running transfers are detached without emitting finished (their owners are usually being torn down
    // too).
    ~CurlMultiLoop() override;

    // Starts a transfer; it emits HttpTransfer::finished exactly once, never from inside this call.
    // The caller owns the transfer (parent) and may delete it at any time, including from its finished slot.
    HttpTransfer *start(const HttpRequest &request, QObject *parent = nullptr);

    int runningTransfers() const { return int(m_running.size()); }
    int watchedSockets() const { return int(m_sockets.size()); }
    void setMaxConnectionsPerHost(int connections);

private:
    friend class HttpTransfer;
    struct SocketWatch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
    };

    static int socketCallback(CURL *easy, curl_socket_t socket, int what, void *loop, void *socketData);
    static int timerCallback(CURLM *multi, long timeoutMs, void *loop);

    void watchSocket(curl_socket_t socket, int what);
    void unwatchSocket(curl_socket_t socket);
    void onSocketReady(curl_socket_t socket, int eventMask);
    void onTimeout();
    void drainCompleted();
    void detach(HttpTransfer *transfer);

    CURLM *m_multi = nullptr;
    QTimer m_timer;
    QHash<curl_socket_t, SocketWatch> m_sockets;
    QSet<HttpTransfer *> m_running;
    bool m_tearingDown = false;
};
