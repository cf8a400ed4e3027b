#include "StationInstruments.h"

#include "DriverFactory.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcStation, "reactordesk.station")

StationInstruments::StationInstruments(const StationConfig &station, QObject *parent)
    : QObject(parent), m_station(station), m_staleness(new ChannelStalenessMonitor(this))
{
    connect(m_staleness, &ChannelStalenessMonitor::qualityChanged, this,
            &StationInstruments::channelQualityChanged);
}

InstrumentDriver *StationInstruments::driver(const QString &instrument) const
{
    for (InstrumentDriver *d : m_drivers)
        if (d->name() == instrument)
            return d;
    return nullptr;
}

InstrumentDriver *StationInstruments::driverOfActuator(const QString &actuator) const
{
    for (InstrumentDriver *d : m_drivers)
        if (d->actuators().contains(actuator))
            return d;
    return nullptr;
}

bool StationInstruments::resolvePort(InstrumentConfig *config, QString *error) const
{
    const QString prefix = QLatin1String(StationConfig::simulatorPrefix);
    if (!config->port.startsWith(prefix))
        return true;
    const QString face = config->port.mid(prefix.size());
    if (!m_faces.contains(face)) {
        *error = tr("%1: the simulator has no face \"%2\" (yet)").arg(config->name, face);
        return false;
    }
    config->port = m_faces.value(face);
    return true;
}

InstrumentDriver *StationInstruments::build(const InstrumentConfig &original, QString *error)
{
    // The port may name a simulator face not announced yet: the real endpoint is set before every connect.
    InstrumentConfig config = original;
    config.port = InstrumentConfig::usesSerial(config.driver) ? QStringLiteral("/dev/null")
                                                              : QStringLiteral("127.0.0.1:1");
    InstrumentDriver *d = DriverFactory::create(config, error, this);
    if (!d)
        return nullptr;
    connect(d, &InstrumentDriver::readingsReceived, this,
            [this, d](const QList<Reading> &readings) { onReadings(d, readings); });
    connect(d, &InstrumentDriver::channelUnavailable, this,
            [this](const QString &channel, const QString &why) {
                m_staleness->markUnavailable(channel);
                Q_EMIT problem(tr("%1: %2").arg(channel, why));
            });
    connect(d, &InstrumentDriver::stateChanged, this, [this, d](LinkState state) {
        if (state == LinkState::Reconnecting && !d->actuators().isEmpty())
            Q_EMIT problem(tr("%1: link lost (%2); %3 go to the safe state")
                               .arg(d->name(), d->lastError(), d->actuators().join(QStringLiteral(", "))));
        Q_EMIT instrumentStateChanged(d->name(), state, d->lastError());
    });
    connect(d, &InstrumentDriver::problem, this,
            [](const QString &message) { qCWarning(lcStation) << message; });
    connect(d, &InstrumentDriver::traffic, this, [this, d](bool outgoing, const QByteArray &bytes) {
        Q_EMIT traffic(d->name(), outgoing, bytes);
    });
    for (const ChannelInfo &channel : d->channels())
        m_staleness->addChannel(channel.name, d->pollPeriodMs());
    return d;
}

void StationInstruments::connectAll(const QHash<QString, QString> &simulatorFaces)
{
    if (!simulatorFaces.isEmpty())
        m_faces = simulatorFaces;
    for (const InstrumentConfig &original : m_station.instruments) {
        QString error;
        InstrumentDriver *d = driver(original.name);
        if (!d) {
            d = build(original, &error);
            if (!d) {
                Q_EMIT problem(tr("%1: %2").arg(original.name, error));
                continue;
            }
            m_drivers.append(d);
        }
        InstrumentConfig config = original;
        LinkEndpoint endpoint;
        if (!resolvePort(&config, &error) || !DriverFactory::endpointFor(config, &endpoint, &error)) {
            Q_EMIT problem(error);
            continue;
        }
        d->setEndpoint(endpoint);
        d->open();
    }
}

void StationInstruments::setStationFile(const QString &fileName)
{
    m_station.fileName = fileName;
}

void StationInstruments::closeAll()
{
    for (InstrumentDriver *d : m_drivers)
        d->close();
}

QString StationInstruments::addInstrument(const InstrumentConfig &config)
{
    return insertInstrument(int(m_station.instruments.size()), config);
}

QString StationInstruments::insertInstrument(int index, const InstrumentConfig &config)
{
    if (driver(config.name))
        return tr("an instrument named \"%1\" exists already").arg(config.name);
    QString error;
    InstrumentDriver *d = build(config, &error);
    if (!d)
        return error;
    m_drivers.append(d);
    m_station.instruments.insert(index, config);
    InstrumentConfig resolved = config;
    LinkEndpoint endpoint;
    if (resolvePort(&resolved, &error) && DriverFactory::endpointFor(resolved, &endpoint, &error)) {
        d->setEndpoint(endpoint);
        d->open();
    }
    Q_EMIT instrumentsChanged();
    return error;
}

QString StationInstruments::replaceInstrument(const QString &name, const InstrumentConfig &config)
{
    if (name != config.name && driver(config.name))
        return tr("an instrument named \"%1\" exists already").arg(config.name);
    // The replacement takes the old one's place: the station file keeps its order.
    int index = 0;
    while (index < m_station.instruments.size() && m_station.instruments.at(index).name != name)
        ++index;
    removeInstrument(name);
    return insertInstrument(index, config);
}

void StationInstruments::removeInstrument(const QString &name)
{
    if (InstrumentDriver *d = driver(name)) {
        d->close();
        m_drivers.removeOne(d);
        d->deleteLater();
    }
    m_station.instruments.erase(std::remove_if(m_station.instruments.begin(), m_station.instruments.end(),
                                               [&name](const InstrumentConfig &c) { return c.name == name; }),
                                m_station.instruments.end());
    Q_EMIT instrumentsChanged();
}

void StationInstruments::command(const QString &actuator, double value,
                                 const InstrumentDriver::CommandDone &done)
{
    InstrumentDriver *d = driverOfActuator(actuator);
    if (!d) {
        done(false, tr("no instrument drives \"%1\"").arg(actuator));
        return;
    }
    if (d->state() != LinkState::Connected && d->state() != LinkState::Degraded) {
        done(false, tr("%1 is not connected").arg(d->name()));
        return;
    }
    d->command(actuator, value, done);
}

void StationInstruments::onReadings(InstrumentDriver *, const QList<Reading> &readings)
{
    for (const Reading &reading : readings)
        m_staleness->noteReading(reading);
    Q_EMIT readingsArrived(readings);
}
