#pragma once
// Everything needed to build one instrument driver, as a station file describes it (the station loader in the
// session fills it; the probe command fills it from its options). Plain data, no validation here.
#include "ChannelInfo.h"
#include "ModbusPoint.h"

#include <QMap>
#include <QStringList>

struct ActuatorConfig
{
    QString name;
    QString unit;
    double minimum = 0.0;
    double maximum = 0.0;
    double safeValue = 0.0;  // applied when the link is lost
    QByteArray scpiCommand;  // scpi: "<command> <value>"
    ModbusPoint modbusPoint; // modbus-tcp: the holding register(s) written
};

struct InstrumentConfig
{
    QString name;
    QString driver;      // one of driverIds()
    QString port;        // a serial device path, or host:port for TCP drivers
    qint32 baudRate = 0; // 0: the driver's default
    QString frameFormat; // e.g. "8N1", "8N2", "7E1"; empty: the driver's default
    bool xonXoff = false;
    int address = 1; // Reglo pump address, Modbus slave / unit id
    int pollPeriodMs = 1000;
    int timeoutMs = 1000;
    int stabilityTimeoutMs = 10000; // MT-SICS S, T, Z
    QList<ChannelInfo> channels;
    QMap<QString, QByteArray> scpiQueries;   // channel -> query
    QMap<QString, int> arcRegisters;         // channel -> manual register number
    QMap<QString, ModbusPoint> modbusPoints; // channel -> register
    QList<ActuatorConfig> actuators;

    static QStringList driverIds();
    static bool usesSerial(const QString &driver);
};
