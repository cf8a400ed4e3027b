#include "FaultSwitches.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTimer>

namespace {
constexpr int splitGapMs = 30;
}

FaultSwitches::FaultSwitches()
{
    m_clock.start();
}

void FaultSwitches::clear()
{
    m_delayMs = 0;
    m_dropProbability = 0.0;
    m_split = false;
    m_garbageUntilMs = m_disconnectedUntilMs = -1;
}

QString FaultSwitches::apply(const QString &spec)
{
    if (spec.trimmed() == QLatin1String("clear")) {
        clear();
        return {};
    }
    for (const QString &item : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString key = item.section(QLatin1Char('='), 0, 0).trimmed();
        bool ok = false;
        const double value = item.section(QLatin1Char('='), 1).trimmed().toDouble(&ok);
        if (!ok || value < 0)
            return QCoreApplication::translate("FaultSwitches", "\"%1\" needs a non-negative number")
                .arg(item);
        const qint64 until = m_clock.elapsed() + qint64(value * 1000);
        if (key == QLatin1String("delay"))
            m_delayMs = int(value);
        else if (key == QLatin1String("drop") && value <= 1.0)
            m_dropProbability = value;
        else if (key == QLatin1String("split"))
            m_split = value != 0.0;
        else if (key == QLatin1String("garbage"))
            m_garbageUntilMs = until;
        else if (key == QLatin1String("disconnect"))
            m_disconnectedUntilMs = until;
        else
            return QCoreApplication::translate(
                       "FaultSwitches", "unknown fault \"%1\" (delay, drop, garbage, split, disconnect)")
                .arg(item);
    }
    return {};
}

bool FaultSwitches::disconnected() const
{
    return m_clock.elapsed() < m_disconnectedUntilMs;
}

QByteArray FaultSwitches::garbageBurst(std::mt19937 &random)
{
    std::uniform_int_distribution<int> byte(0, 255);
    QByteArray burst(24, Qt::Uninitialized);
    for (char &c : burst)
        c = char(byte(random));
    burst.replace('\n', '?');
    return burst + "\xff\xfe=garbage,,=\n";
}

void FaultSwitches::deliver(QByteArray reply, QObject *context,
                            const std::function<void(const QByteArray &)> &write, std::mt19937 &random) const
{
    if (reply.isEmpty() || disconnected())
        return;
    if (m_dropProbability > 0.0 &&
        std::uniform_real_distribution<double>(0.0, 1.0)(random) < m_dropProbability)
        return;
    if (m_clock.elapsed() < m_garbageUntilMs)
        reply.prepend(garbageBurst(random));
    auto send = [reply, context, write, split = m_split] {
        if (!split || reply.size() < 2) {
            write(reply);
            return;
        }
        const qsizetype half = reply.size() / 2;
        write(reply.left(half));
        QTimer::singleShot(splitGapMs, context, [write, rest = reply.mid(half)] { write(rest); });
    };
    if (m_delayMs > 0)
        QTimer::singleShot(m_delayMs, context, send);
    else
        send();
}
