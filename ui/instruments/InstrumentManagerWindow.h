#pragma once
// The instrument manager: every instrument of the running station with a status light, its link state and
// last error, and Connect / Disconnect for the selected one; a form to add, edit and remove instruments
// (driver, port chosen from the serial ports the system lists - read in the thread pool; ptys never appear
// there - or typed as a path or host:port, address, baud rate, poll period, timeout); and the traffic log.
// Edits apply to the running station through StationEditor (supervisors only, checked there); new instruments
// get the driver's default channels. "Save station" writes the edits to the station file; the title shows "*"
// while edits are unsaved. Closing the window keeps the edits in the running station (the main window asks
// about them on quit).
#include "InstrumentConfig.h"
#include "LinkState.h"

#include <QFutureWatcher>
#include <QSerialPortInfo>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;
class StationEditor;
class StationInstruments;
class StationSaveActions;
class TrafficLog;

class InstrumentManagerWindow : public QWidget
{
    Q_OBJECT
public:
    explicit InstrumentManagerWindow(StationEditor *editor, QWidget *parent = nullptr);

    // The form's contents as a config (channels kept from the instrument being edited, else driver defaults).
    InstrumentConfig formConfig() const;
    static QColor stateColor(LinkState state);
    StationSaveActions *saveActions() const { return m_saveActions; }

private:
    void rebuildTable();
    void updateRow(const QString &instrument, LinkState state, const QString &lastError);
    void showSelected();
    void refreshPorts(); // lists the serial ports in the thread pool; showPorts() fills the choices
    void showPorts();
    void addInstrument();
    void applyEdit();
    void removeSelected();
    QString selectedName() const;
    void report(const QString &error);

    StationEditor *m_editor;
    StationInstruments *m_instruments;
    StationSaveActions *m_saveActions;
    QTableWidget *m_table;
    QLineEdit *m_name;
    QComboBox *m_driver;
    QComboBox *m_port;
    QSpinBox *m_address;
    QSpinBox *m_baud;
    QSpinBox *m_pollMs;
    QSpinBox *m_timeoutMs;
    QLabel *m_message;
    TrafficLog *m_log;
    QFutureWatcher<QList<QSerialPortInfo>> m_portScan;
};
