#include "InstrumentManagerWindow.h"

#include "DriverFactory.h"
#include "StationEditor.h"
#include "StationInstruments.h"
#include "StationSaveActions.h"
#include "TrafficLog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSerialPortInfo>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace {
enum Column
{
    Light,
    Name,
    Driver,
    Port,
    State,
    LastError,
    ColumnCount
};

QIcon light(const QColor &color)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(color);
    painter.setPen(color.darker(150));
    painter.drawEllipse(1, 1, 12, 12);
    return QIcon(pixmap);
}
} // namespace

InstrumentManagerWindow::InstrumentManagerWindow(StationEditor *editor, QWidget *parent)
    : QWidget(parent, Qt::Window), m_editor(editor), m_instruments(editor->instruments()),
      m_saveActions(new StationSaveActions(editor, this)), m_table(new QTableWidget(0, ColumnCount)),
      m_name(new QLineEdit), m_driver(new QComboBox), m_port(new QComboBox), m_address(new QSpinBox),
      m_baud(new QSpinBox), m_pollMs(new QSpinBox), m_timeoutMs(new QSpinBox), m_message(new QLabel),
      m_log(new TrafficLog)
{
    setWindowTitle(tr("Instruments — %1[*]").arg(m_instruments->station().name));
    setWindowModified(m_editor->hasUnsavedEdits());
    m_table->setHorizontalHeaderLabels(
        {{}, tr("Name"), tr("Driver"), tr("Port"), tr("State"), tr("Last error")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    // The light is an icon; name, driver, port and state fit their contents (a state's text changes as the
    // link does); the last error takes the rest of the width (its full text is the cell's tooltip).
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(Light, QHeaderView::Fixed);
    header->resizeSection(Light, style()->pixelMetric(QStyle::PM_SmallIconSize) + 12); // icon + cell margins
    header->setSectionResizeMode(LastError, QHeaderView::Stretch);

    // Named for tests and accessibility tools.
    m_name->setObjectName(QStringLiteral("name"));
    m_driver->setObjectName(QStringLiteral("driver"));
    m_port->setObjectName(QStringLiteral("port"));
    m_pollMs->setObjectName(QStringLiteral("pollPeriod"));
    m_timeoutMs->setObjectName(QStringLiteral("timeout"));
    m_message->setObjectName(QStringLiteral("message"));
    m_driver->addItems(InstrumentConfig::driverIds());
    m_port->setEditable(true);
    m_port->setToolTip(
        tr("A serial port from the list, a device path typed in (e.g. /dev/pts/3), or host:port"));
    m_address->setRange(0, 247);
    m_baud->setRange(0, 4000000);
    m_baud->setSpecialValueText(tr("driver default"));
    m_pollMs->setRange(50, 3600000);
    m_pollMs->setSuffix(tr(" ms"));
    m_timeoutMs->setRange(10, 600000);
    m_timeoutMs->setSuffix(tr(" ms"));
    m_message->setWordWrap(true);
    const InstrumentConfig defaults;
    m_address->setValue(defaults.address);
    m_pollMs->setValue(defaults.pollPeriodMs);
    m_timeoutMs->setValue(defaults.timeoutMs);

    auto *refresh = new QPushButton(tr("Refresh ports"));
    auto *portRow = new QHBoxLayout;
    portRow->addWidget(m_port, 1);
    portRow->addWidget(refresh);
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Driver:"), m_driver);
    form->addRow(tr("Port:"), portRow);
    form->addRow(tr("Address:"), m_address);
    form->addRow(tr("Baud rate:"), m_baud);
    form->addRow(tr("Poll period:"), m_pollMs);
    form->addRow(tr("Timeout:"), m_timeoutMs);
    // The form's buttons act on what the form says; Connect and Disconnect act on the selected instrument's
    // link, so they sit under the table.
    auto *add = new QPushButton(tr("Add"));
    auto *apply = new QPushButton(tr("Apply to selected"));
    auto *remove = new QPushButton(tr("Remove selected"));
    auto *reconnect = new QPushButton(tr("Connect"));
    auto *disconnect = new QPushButton(tr("Disconnect"));
    auto *formButtons = new QHBoxLayout;
    for (QPushButton *b : {add, apply, remove})
        formButtons->addWidget(b);
    formButtons->addStretch();
    auto *formBox = new QWidget;
    auto *formLayout = new QVBoxLayout(formBox);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addLayout(form);
    formLayout->addLayout(formButtons);
    formLayout->addWidget(m_message);
    formLayout->addStretch();
    auto *linkButtons = new QHBoxLayout;
    linkButtons->addWidget(reconnect);
    linkButtons->addWidget(disconnect);
    linkButtons->addStretch();
    auto *tableBox = new QWidget;
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_table);
    tableLayout->addLayout(linkButtons);

    auto *pause = new QCheckBox(tr("Pause"));
    auto *onlySelected = new QCheckBox(tr("Selected instrument only"));
    auto *clear = new QPushButton(tr("Clear"));
    auto *logBar = new QHBoxLayout;
    logBar->addWidget(new QLabel(tr("Traffic (hex | text):")));
    logBar->addStretch();
    logBar->addWidget(onlySelected);
    logBar->addWidget(pause);
    logBar->addWidget(clear);
    auto *logBox = new QWidget;
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->addLayout(logBar);
    logLayout->addWidget(m_log);

    // The table is what an operator reads most: it starts with about 60 % of the width and keeps that share
    // when the window grows; the traffic log starts a little below half the height and gets half of any gain.
    auto *top = new QSplitter(Qt::Horizontal);
    top->setChildrenCollapsible(false);
    top->addWidget(tableBox);
    top->addWidget(formBox);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    top->setSizes({600, 400});
    auto *all = new QSplitter(Qt::Vertical);
    all->setChildrenCollapsible(false);
    all->addWidget(top);
    all->addWidget(logBox);
    all->setStretchFactor(0, 1);
    all->setStretchFactor(1, 1);
    all->setSizes({330, 270});
    auto *saveBar = new QHBoxLayout;
    for (QAction *action : {m_saveActions->saveAction(), m_saveActions->saveAsAction()}) {
        auto *saveButton = new QToolButton;
        saveButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
        saveButton->setDefaultAction(action);
        saveBar->addWidget(saveButton);
    }
    saveBar->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(saveBar);
    layout->addWidget(all);
    resize(1100, 700);

    connect(refresh, &QPushButton::clicked, this, &InstrumentManagerWindow::refreshPorts);
    connect(add, &QPushButton::clicked, this, &InstrumentManagerWindow::addInstrument);
    connect(apply, &QPushButton::clicked, this, &InstrumentManagerWindow::applyEdit);
    connect(remove, &QPushButton::clicked, this, &InstrumentManagerWindow::removeSelected);
    connect(reconnect, &QPushButton::clicked, this, [this] {
        if (InstrumentDriver *d = m_instruments->driver(selectedName()))
            d->open();
    });
    connect(disconnect, &QPushButton::clicked, this, [this] {
        if (InstrumentDriver *d = m_instruments->driver(selectedName()))
            d->close(); // manual disconnect: no retries until Connect
    });
    connect(pause, &QCheckBox::toggled, m_log, &TrafficLog::setPaused);
    connect(clear, &QPushButton::clicked, m_log, &QPlainTextEdit::clear);
    connect(onlySelected, &QCheckBox::toggled, this,
            [this](bool only) { m_log->setFilter(only ? selectedName() : QString()); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this, onlySelected] {
        showSelected();
        if (onlySelected->isChecked())
            m_log->setFilter(selectedName());
    });
    connect(m_instruments, &StationInstruments::instrumentStateChanged, this,
            &InstrumentManagerWindow::updateRow);
    connect(m_instruments, &StationInstruments::instrumentsChanged, this,
            &InstrumentManagerWindow::rebuildTable);
    connect(m_instruments, &StationInstruments::traffic, m_log, &TrafficLog::append);
    connect(m_editor, &StationEditor::unsavedEditsChanged, this, &QWidget::setWindowModified);
    connect(m_saveActions, &StationSaveActions::message, this, &InstrumentManagerWindow::report);
    connect(&m_portScan, &QFutureWatcher<QList<QSerialPortInfo>>::finished, this,
            &InstrumentManagerWindow::showPorts);
    refreshPorts();
    rebuildTable();
}

QColor InstrumentManagerWindow::stateColor(LinkState state)
{
    switch (state) {
    case LinkState::Connected:
        return QColor(0x2e, 0xa0, 0x43);
    case LinkState::Degraded:
    case LinkState::Connecting:
        return QColor(0xe0, 0xa0, 0x00);
    case LinkState::Reconnecting:
        return QColor(0xd0, 0x30, 0x30);
    case LinkState::Disconnected:
        break;
    }
    return QColor(0x90, 0x90, 0x90);
}

void InstrumentManagerWindow::rebuildTable()
{
    const QString selected = selectedName();
    m_table->setRowCount(0);
    for (const InstrumentConfig &config : m_instruments->station().instruments) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, Light, new QTableWidgetItem);
        m_table->setItem(row, Name, new QTableWidgetItem(config.name));
        m_table->setItem(row, Driver, new QTableWidgetItem(config.driver));
        m_table->setItem(row, Port, new QTableWidgetItem(config.port));
        m_table->setItem(row, State, new QTableWidgetItem);
        m_table->setItem(row, LastError, new QTableWidgetItem);
        const InstrumentDriver *d = m_instruments->driver(config.name);
        if (d) {
            m_table->item(row, Port)->setText(d->endpointText());
            updateRow(config.name, d->state(), d->lastError());
        }
        if (config.name == selected)
            m_table->selectRow(row);
    }
}

void InstrumentManagerWindow::updateRow(const QString &instrument, LinkState state, const QString &lastError)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, Name)->text() != instrument)
            continue;
        m_table->item(row, Light)->setIcon(light(stateColor(state)));
        m_table->item(row, State)->setText(linkStateName(state));
        if (!lastError.isEmpty()) {
            m_table->item(row, LastError)->setText(lastError);
            m_table->item(row, LastError)->setToolTip(lastError);
        }
    }
}

QString InstrumentManagerWindow::selectedName() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? QString() : m_table->item(items.first()->row(), Name)->text();
}

void InstrumentManagerWindow::showSelected()
{
    for (const InstrumentConfig &c : m_instruments->station().instruments) {
        if (c.name != selectedName())
            continue;
        m_name->setText(c.name);
        m_driver->setCurrentText(c.driver);
        m_port->setCurrentText(c.port);
        m_address->setValue(c.address);
        m_baud->setValue(c.baudRate);
        m_pollMs->setValue(c.pollPeriodMs);
        m_timeoutMs->setValue(c.timeoutMs);
    }
}

void InstrumentManagerWindow::refreshPorts()
{
    // Listing the ports reads the system's device folders: done in the pool, shown when it ends.
    if (!m_portScan.isRunning())
        m_portScan.setFuture(QtConcurrent::run([] { return QSerialPortInfo::availablePorts(); }));
}

void InstrumentManagerWindow::showPorts()
{
    const QString typed = m_port->currentText();
    m_port->clear();
    for (const QSerialPortInfo &info : m_portScan.result())
        m_port->addItem(info.systemLocation(), info.description());
    m_port->setCurrentText(typed);
}

InstrumentConfig InstrumentManagerWindow::formConfig() const
{
    InstrumentConfig config = DriverFactory::probeDefaults(m_driver->currentText());
    for (const InstrumentConfig &existing : m_instruments->station().instruments)
        if (existing.name == selectedName() && existing.driver == m_driver->currentText())
            config = existing; // keep its channels, actuators and register maps
    config.name = m_name->text().trimmed();
    config.port = m_port->currentText().trimmed();
    config.address = m_address->value();
    config.baudRate = m_baud->value();
    config.pollPeriodMs = m_pollMs->value();
    config.timeoutMs = m_timeoutMs->value();
    return config;
}

void InstrumentManagerWindow::report(const QString &error)
{
    m_message->setText(error);
}

void InstrumentManagerWindow::addInstrument()
{
    const InstrumentConfig config = formConfig();
    if (config.name.isEmpty() || config.port.isEmpty())
        return report(tr("Give the instrument a name and a port."));
    report(m_editor->addInstrument(config));
}

void InstrumentManagerWindow::applyEdit()
{
    const QString selected = selectedName();
    if (selected.isEmpty())
        return report(tr("Select the instrument to change."));
    report(m_editor->replaceInstrument(selected, formConfig()));
}

void InstrumentManagerWindow::removeSelected()
{
    const QString selected = selectedName();
    if (!selected.isEmpty())
        report(m_editor->removeInstrument(selected));
}
