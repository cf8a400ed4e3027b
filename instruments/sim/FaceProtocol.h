#pragma once
// The protocol side of a simulator face: bytes in, replies out. One instance per connection (it may buffer a
// partial request). Transports (PtyFace, TcpFace) apply the fault switches to the replies.
#include "LineFramer.h"

#include <QByteArray>
#include <QList>

#include <functional>

class FaceProtocol
{
public:
    virtual ~FaceProtocol() = default;
    // The replies to every request the bytes complete; an empty reply means "no answer".
    virtual QList<QByteArray> feed(const QByteArray &bytes) = 0;
};

// A line protocol: each line (terminator stripped, trailing CR too) goes to the handler, which returns the
// reply.
class LineFaceProtocol : public FaceProtocol
{
public:
    using Handler = std::function<QByteArray(const QByteArray &line)>;
    LineFaceProtocol(QByteArray terminator, Handler handler)
        : m_framer(std::move(terminator)), m_handler(std::move(handler))
    {
    }
    QList<QByteArray> feed(const QByteArray &bytes) override
    {
        QList<QByteArray> replies;
        for (const QByteArray &line : m_framer.feed(bytes))
            replies.append(m_handler(line));
        return replies;
    }

private:
    LineFramer m_framer;
    Handler m_handler;
};
