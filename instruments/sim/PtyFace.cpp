#include "PtyFace.h"

#include "SimulatedReactor.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

PtyFace::PtyFace(QString faceName, std::unique_ptr<FaceProtocol> protocol, SimulatedReactor *reactor,
                 QObject *parent)
    : QObject(parent), m_faceName(std::move(faceName)), m_protocol(std::move(protocol)), m_reactor(reactor)
{
    char name[256] = {};
    if (openpty(&m_master, &m_slave, name, nullptr, nullptr) != 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        m_master = m_slave = -1;
        return;
    }
    termios raw{};
    tcgetattr(m_slave, &raw);
    cfmakeraw(&raw);
    tcsetattr(m_slave, TCSANOW, &raw);
    fcntl(m_master, F_SETFL, fcntl(m_master, F_GETFL) | O_NONBLOCK);
    m_slavePath = QString::fromLocal8Bit(name);
    m_notifier = std::make_unique<QSocketNotifier>(m_master, QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &PtyFace::onReadable);
}

PtyFace::~PtyFace()
{
    m_notifier.reset();
    if (m_master >= 0)
        ::close(m_master);
    if (m_slave >= 0)
        ::close(m_slave);
}

void PtyFace::onReadable()
{
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(m_master, buffer, sizeof buffer);
        if (n <= 0)
            break;
        FaultSwitches &faults = m_reactor->faults(m_faceName);
        if (faults.disconnected())
            continue; // the cable is pulled: requests go nowhere
        for (const QByteArray &reply : m_protocol->feed(QByteArray(buffer, int(n))))
            faults.deliver(
                reply, this, [this](const QByteArray &bytes) { writeAll(bytes); }, m_reactor->random());
    }
}

void PtyFace::writeAll(const QByteArray &bytes)
{
    // Replies are short; the pty buffer holds kilobytes. If it is full the client is not reading: drop the
    // rest.
    qsizetype offset = 0;
    while (offset < bytes.size()) {
        const ssize_t n = ::write(m_master, bytes.constData() + offset, size_t(bytes.size() - offset));
        if (n <= 0)
            return;
        offset += n;
    }
}
