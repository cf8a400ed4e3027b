#pragma once
// The instrument side of a pseudo-terminal, for driver conformance tests: the driver opens path() like a
// serial port; the test reads what the driver sent and writes scripted replies, whole, split or merged.
#include <QByteArray>
#include <QObject>
#include <QSocketNotifier>

#include <memory>

class PtyPeer : public QObject
{
    Q_OBJECT
public:
    PtyPeer();
    ~PtyPeer() override;

    QString path() const { return m_path; }
    // Waits until the driver has sent exactly `expected` since the last call (true), or times out (false).
    bool expectRequest(const QByteArray &expected, int timeoutMs = 3000);
    QByteArray received() const { return m_received; }
    void clearReceived() { m_received.clear(); }
    void send(const QByteArray &bytes);
    // Sends bytes in pieces with the event loop running in between, so the driver sees separate reads.
    void sendSplit(const QByteArray &bytes, int pieces);

private:
    void onReadable();

    int m_master = -1;
    int m_slave = -1;
    QString m_path;
    QByteArray m_received;
    std::unique_ptr<QSocketNotifier> m_notifier;
};
