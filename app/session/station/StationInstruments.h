#pragma once
// The live instruments of a station: builds one driver per instrument from the StationConfig, points ports of
// the form "@sim:<face>" at the simulator's announced faces, forwards readings, link states, problems and
// traffic under the instrument's name, and runs the staleness monitor over every channel. Instruments can be
// added, replaced and removed while running (the instrument manager window does that).
#include "ChannelStalenessMonitor.h"
#include "InstrumentDriver.h"
#include "StationConfig.h"

#include <QHash>
#include <QObject>

class StationInstruments : public QObject
{
    Q_OBJECT
public:
    explicit StationInstruments(const StationConfig &station, QObject *parent = nullptr);

    const StationConfig &station() const { return m_station; }
    QList<InstrumentDriver *> drivers() const { return m_drivers; }
    InstrumentDriver *driver(const QString &instrument) const;
    InstrumentDriver *driverOfActuator(const QString &actuator) const;
    ChannelStalenessMonitor *staleness() const { return m_staleness; }

    // Creates the drivers that do not exist yet, points every one at its port (simulator faces substituted)
    // and connects them. Called at start and again whenever the simulator announces new faces.
    void connectAll(const QHash<QString, QString> &simulatorFaces = {});
    void closeAll();

    // Returns an error text, empty on success. The config's name must be new (add) or existing (replace).
    QString addInstrument(const InstrumentConfig &config);
    QString replaceInstrument(const QString &name, const InstrumentConfig &config);
    void removeInstrument(const QString &name);
    // The file the station now lives in (after "Save station as...").
    void setStationFile(const QString &fileName);

    // Sends an actuator command to the driver that owns the actuator; done is always called once.
    void command(const QString &actuator, double value, const InstrumentDriver::CommandDone &done);

Q_SIGNALS:
    void readingsArrived(const QList<Reading> &readings);
    void instrumentStateChanged(const QString &instrument, LinkState state, const QString &lastError);
    void channelQualityChanged(const QString &channel, Quality quality);
    void problem(const QString &message);
    void traffic(const QString &instrument, bool outgoing, const QByteArray &bytes);
    void instrumentsChanged();

private:
    QString insertInstrument(int index, const InstrumentConfig &config);
    InstrumentDriver *build(const InstrumentConfig &config, QString *error);
    bool resolvePort(InstrumentConfig *config, QString *error) const;
    void onReadings(InstrumentDriver *driver, const QList<Reading> &readings);

    StationConfig m_station;
    QList<InstrumentDriver *> m_drivers;
    QHash<QString, QString> m_faces;
    ChannelStalenessMonitor *m_staleness;
};
