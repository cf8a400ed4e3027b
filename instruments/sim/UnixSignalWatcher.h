#pragma once
// Turns SIGTERM/SIGINT into a Qt signal, using the self-pipe pattern from Qt's documentation: the handler
// only writes a byte; the event loop reads it and emits terminationRequested() like any other event.
#include <QObject>
#include <QSocketNotifier>

class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);

Q_SIGNALS:
    void terminationRequested();

private:
    QSocketNotifier *m_notifier = nullptr;
};
