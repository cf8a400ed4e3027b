#pragma once
// The SCPI-style command set of one simulator face. A face exposes a subset of the reactor's channels;
// commands that name another face's channel or nothing known get an error line, and the face keeps serving.
#include "SimulatedReactor.h"

#include <QByteArray>
#include <QStringList>

class ScpiCommandHandler
{
public:
    ScpiCommandHandler(SimulatedReactor *reactor, QString faceName, QStringList channels);

    // The reply line to one command line (terminator included), or empty for no reply.
    QByteArray handle(const QByteArray &commandLine);

private:
    QByteArray setPumpRate(const QByteArray &argument, bool feed);

    SimulatedReactor *m_reactor;
    QString m_faceName;
    QStringList m_channels;
};
