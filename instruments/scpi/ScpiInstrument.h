#pragma once
// Driver for an instrument speaking ReactorDesk's SCPI-style line protocol over an InstrumentLink. Polls READ?
// every poll period and turns the reply into Readings stamped at the moment the reply arrived. One request is
// outstanding at a time; every request has a deadline; stale input is flushed before each request so a late
// reply can never be taken for the answer to the next question.
#include "ChannelInfo.h"
#include "InstrumentLink.h"
#include "LineFramer.h"
#include "Reading.h"
#include "ScpiReply.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>

class ScpiInstrument : public QObject
{
    Q_OBJECT
public:
    using ReplyHandler = std::function<void(const ScpiReply &reply, bool timedOut)>;

    ScpiInstrument(const QString &name, InstrumentLink *link, const QList<ChannelInfo> &channels,
                   int pollPeriodMs, int timeoutMs, QObject *parent = nullptr);

    QString name() const { return m_name; }
    InstrumentLink *link() const { return m_link; }
    QList<ChannelInfo> channels() const { return m_channels.values(); }
    int malformedReplies() const { return m_malformed; }
    int timeouts() const { return m_timeouts; }

    // Queues a command; the handler gets the parsed reply or timedOut = true. Commands go before polls.
    void request(const QByteArray &command, ReplyHandler handler);

Q_SIGNALS:
    void readingsReceived(const QList<Reading> &readings);
    void replyProblem(const QString &message);

private:
    struct Pending
    {
        QByteArray command;
        ReplyHandler handler;
    };
    void pollNow();
    void sendNext();
    void onBytes(const QByteArray &bytes);
    void onTimeout();
    void onLinkState(LinkState state);
    void finishCurrent(const ScpiReply &reply, bool timedOut);
    void publishFields(const ScpiReply &reply);

    QString m_name;
    InstrumentLink *m_link;
    QHash<QString, ChannelInfo> m_channels;
    LineFramer m_framer;
    QTimer m_pollTimer;
    QTimer m_deadline;
    std::deque<Pending> m_queue;
    bool m_busy = false;
    Pending m_current;
    int m_consecutiveTimeouts = 0;
    int m_malformed = 0;
    int m_timeouts = 0;
};
