#include "PtyPeer.h"

#include <QTest>

#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

PtyPeer::PtyPeer()
{
    char name[256] = {};
    if (openpty(&m_master, &m_slave, name, nullptr, nullptr) != 0)
        qFatal("openpty failed");
    termios raw{};
    tcgetattr(m_slave, &raw);
    cfmakeraw(&raw);
    tcsetattr(m_slave, TCSANOW, &raw);
    fcntl(m_master, F_SETFL, fcntl(m_master, F_GETFL) | O_NONBLOCK);
    m_path = QString::fromLocal8Bit(name);
    m_notifier = std::make_unique<QSocketNotifier>(m_master, QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &PtyPeer::onReadable);
}

PtyPeer::~PtyPeer()
{
    m_notifier.reset();
    ::close(m_master);
    ::close(m_slave);
}

void PtyPeer::onReadable()
{
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(m_master, buffer, sizeof buffer);
        if (n <= 0)
            return;
        m_received.append(buffer, int(n));
    }
}

bool PtyPeer::expectRequest(const QByteArray &expected, int timeoutMs)
{
    const bool arrived = QTest::qWaitFor([&] { return m_received.size() >= expected.size(); }, timeoutMs);
    if (!arrived || !m_received.startsWith(expected)) {
        qWarning() << "expected" << expected.toHex(' ') << "got" << m_received.toHex(' ');
        return false;
    }
    m_received.remove(0, expected.size());
    return true;
}

void PtyPeer::send(const QByteArray &bytes)
{
    if (::write(m_master, bytes.constData(), size_t(bytes.size())) != bytes.size())
        qWarning("short write to the pty");
}

void PtyPeer::sendSplit(const QByteArray &bytes, int pieces)
{
    const qsizetype step = std::max<qsizetype>(1, bytes.size() / pieces);
    for (qsizetype offset = 0; offset < bytes.size(); offset += step) {
        send(bytes.mid(offset, step));
        QTest::qWait(15);
    }
}
