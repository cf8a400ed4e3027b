#include "CurlMultiLoop.h"

#include "HttpTransfer.h"
#include "LookupLog.h"

#include <QPointer>
#include <QSocketNotifier>

#include <mutex>
#include <vector>

namespace {
void initialiseCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}
} // namespace

CurlMultiLoop::CurlMultiLoop(QObject *parent) : QObject(parent)
{
    initialiseCurlOnce();
    m_multi = curl_multi_init();
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, &CurlMultiLoop::socketCallback);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, &CurlMultiLoop::timerCallback);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);
    setMaxConnectionsPerHost(6);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &CurlMultiLoop::onTimeout);
}

CurlMultiLoop::~CurlMultiLoop()
{
    m_tearingDown = true;
    m_timer.stop();
    const auto running = m_running;
    for (HttpTransfer *transfer : running)
        detach(transfer);
    // curl_multi_cleanup closes pooled connections and may call the socket callback once more for each;
    // socketCallback only unwatches while tearing down.
    curl_multi_cleanup(m_multi);
    m_multi = nullptr;
    for (const SocketWatch &watch : std::as_const(m_sockets)) {
        delete watch.read;
        delete watch.write;
    }
    m_sockets.clear();
}

void CurlMultiLoop::setMaxConnectionsPerHost(int connections)
{
    curl_multi_setopt(m_multi, CURLMOPT_MAX_HOST_CONNECTIONS, long(connections));
}

HttpTransfer *CurlMultiLoop::start(const HttpRequest &request, QObject *parent)
{
    auto *transfer = new HttpTransfer(this, request, parent);
    QString error;
    if (!transfer->configure(&error)) {
        transfer->m_loop = nullptr;
        // Report asynchronously: finished is never emitted from inside start().
        QMetaObject::invokeMethod(
            transfer, [transfer, error] { transfer->failBeforeStart(error); }, Qt::QueuedConnection);
        return transfer;
    }
    m_running.insert(transfer);
    // Adding the handle makes curl call timerCallback (usually with 0 ms); the transfer begins from the
    // timer.
    curl_multi_add_handle(m_multi, transfer->m_easy);
    return transfer;
}

void CurlMultiLoop::detach(HttpTransfer *transfer)
{
    if (!m_running.remove(transfer))
        return;
    curl_multi_remove_handle(m_multi, transfer->m_easy);
    transfer->m_loop = nullptr;
}

int CurlMultiLoop::socketCallback(CURL *, curl_socket_t socket, int what, void *loop, void *)
{
    auto *self = static_cast<CurlMultiLoop *>(loop);
    if (what == CURL_POLL_REMOVE || self->m_tearingDown)
        self->unwatchSocket(socket);
    else
        self->watchSocket(socket, what);
    return 0;
}

int CurlMultiLoop::timerCallback(CURLM *, long timeoutMs, void *loop)
{
    auto *self = static_cast<CurlMultiLoop *>(loop);
    if (self->m_tearingDown)
        return 0;
    if (timeoutMs < 0)
        self->m_timer.stop();
    else
        self->m_timer.start(int(timeoutMs));
    return 0;
}

void CurlMultiLoop::watchSocket(curl_socket_t socket, int what)
{
    SocketWatch &watch = m_sockets[socket];
    const auto ensure = [this, socket](QSocketNotifier *&notifier, QSocketNotifier::Type type, int event) {
        if (notifier)
            return;
        notifier = new QSocketNotifier(socket, type, this);
        connect(notifier, &QSocketNotifier::activated, this,
                [this, socket, event] { onSocketReady(socket, event); });
    };
    const bool wantRead = what == CURL_POLL_IN || what == CURL_POLL_INOUT;
    const bool wantWrite = what == CURL_POLL_OUT || what == CURL_POLL_INOUT;
    if (wantRead)
        ensure(watch.read, QSocketNotifier::Read, CURL_CSELECT_IN);
    if (wantWrite)
        ensure(watch.write, QSocketNotifier::Write, CURL_CSELECT_OUT);
    if (watch.read)
        watch.read->setEnabled(wantRead);
    if (watch.write)
        watch.write->setEnabled(wantWrite);
}

void CurlMultiLoop::unwatchSocket(curl_socket_t socket)
{
    // curl may announce REMOVE for a socket it never asked us to watch: nothing to do then.
    const auto it = m_sockets.find(socket);
    if (it == m_sockets.end())
        return;
    // The notifier may be the one whose activated() we are inside of: disable now, delete later.
    for (QSocketNotifier *notifier : {it->read, it->write}) {
        if (notifier) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
    }
    m_sockets.erase(it);
}

void CurlMultiLoop::onSocketReady(curl_socket_t socket, int eventMask)
{
    int stillRunning = 0;
    curl_multi_socket_action(m_multi, socket, eventMask, &stillRunning);
    drainCompleted();
}

void CurlMultiLoop::onTimeout()
{
    int stillRunning = 0;
    curl_multi_socket_action(m_multi, CURL_SOCKET_TIMEOUT, 0, &stillRunning);
    drainCompleted();
}

void CurlMultiLoop::drainCompleted()
{
    // Collect first, emit afterwards: a finished slot may delete its own or another transfer, start new ones,
    // or cancel; none of that may happen while curl_multi_info_read's message list is being walked.
    std::vector<std::pair<QPointer<HttpTransfer>, CURLcode>> completed;
    int remaining = 0;
    while (CURLMsg *message = curl_multi_info_read(m_multi, &remaining)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        HttpTransfer *transfer = nullptr;
        curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &transfer);
        const CURLcode code = message->data.result;
        if (transfer && m_running.contains(transfer))
            completed.emplace_back(transfer, code);
    }
    for (auto &[transfer, code] : completed) {
        if (transfer)
            detach(transfer);
    }
    for (auto &[transfer, code] : completed) {
        if (transfer)
            transfer->complete(code);
    }
}
