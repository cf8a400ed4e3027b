#pragma once
// A simulator face on a pseudo-terminal: the client opens the slave path like any serial port. The simulator
// keeps its own slave descriptor open so the master never sees a hang-up when a client closes and reopens.
#include "FaceProtocol.h"

#include <QObject>
#include <QSocketNotifier>

#include <memory>

class SimulatedReactor;

class PtyFace : public QObject
{
    Q_OBJECT
public:
    PtyFace(QString faceName, std::unique_ptr<FaceProtocol> protocol, SimulatedReactor *reactor,
            QObject *parent = nullptr);
    ~PtyFace() override;

    bool isOpen() const { return m_master >= 0; }
    QString slavePath() const { return m_slavePath; }
    QString errorString() const { return m_error; }

private:
    void onReadable();
    void writeAll(const QByteArray &bytes);

    QString m_faceName;
    std::unique_ptr<FaceProtocol> m_protocol;
    SimulatedReactor *m_reactor;
    int m_master = -1;
    int m_slave = -1;
    QString m_slavePath;
    QString m_error;
    std::unique_ptr<QSocketNotifier> m_notifier;
};
