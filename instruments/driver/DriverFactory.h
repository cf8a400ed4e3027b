#pragma once
// Builds the driver an InstrumentConfig describes, with each protocol's serial defaults (MT-SICS and Reglo
// ICC 9600 8N1, Hamilton Arc 19200 8N2). Returns nullptr and an error text when the config cannot be built.
#include "InstrumentConfig.h"
#include "InstrumentDriver.h"
#include "LinkEndpoint.h"

namespace DriverFactory {
InstrumentDriver *create(const InstrumentConfig &config, QString *error, QObject *parent = nullptr);
// The serial or TCP endpoint of a config; false with an error text when the port text does not fit the
// driver.
bool endpointFor(const InstrumentConfig &config, LinkEndpoint *endpoint, QString *error);
// The channels a driver reads when nothing else is configured (used by the probe command).
InstrumentConfig probeDefaults(const QString &driver);
} // namespace DriverFactory
