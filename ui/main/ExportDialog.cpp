#include "ExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

ExportDialog::ExportDialog(const QString &runFile, const QStringList &channels, QWidget *parent)
    : QDialog(parent), m_runFile(runFile), m_output(new QLineEdit(this)), m_layout(new QComboBox(this)),
      m_useFrom(new QCheckBox(tr("From"), this)), m_useTo(new QCheckBox(tr("To"), this)),
      m_from(new QDateTimeEdit(this)), m_to(new QDateTimeEdit(this)), m_channels(new QListWidget(this)),
      m_resample(new QComboBox(this)), m_method(new QComboBox(this)),
      m_extras(new QCheckBox(tr("Manifest (JSON), audit trail and events (CSV)"), this)),
      m_zip(new QCheckBox(tr("All in one zip"), this)), m_choices(new QWidget(this)),
      m_progress(new QProgressBar(this)), m_status(new QLabel(this)),
      m_exportButton(new QPushButton(tr("&Export"), this)),
      m_cancelButton(new QPushButton(tr("Cancel"), this)), m_progressTimer(new QTimer(this))
{
    setWindowTitle(tr("Export run"));
    const QFileInfo info(runFile);
    m_output->setObjectName(QStringLiteral("outputPath")); // for tests and accessibility tools
    // A run's path is long: room for about 50 characters, and the field takes any width the dialog gains; the
    // start of a longer path scrolls out of sight, so the whole path is also the field's tooltip.
    m_output->setMinimumWidth(m_output->fontMetrics().averageCharWidth() * 50);
    connect(m_output, &QLineEdit::textChanged, m_output, &QWidget::setToolTip);
    m_output->setText(info.absolutePath() + QLatin1Char('/') + info.completeBaseName() +
                      QStringLiteral(".csv"));
    auto *browseButton = new QPushButton(tr("Browse..."), this);
    auto *outputRow = new QHBoxLayout;
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(browseButton);
    m_layout->addItem(tr("Wide: one column per channel"), QStringLiteral("wide"));
    m_layout->addItem(tr("Long: one row per reading"), QStringLiteral("long"));
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setTimeSpec(Qt::LocalTime); // shown in local time, exported as UTC
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        edit->setDateTime(QDateTime::currentDateTime());
        edit->setEnabled(false);
    }
    connect(m_useFrom, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_useTo, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    for (const QString &channel : channels) {
        auto *item = new QListWidgetItem(channel, m_channels);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_resample->addItem(tr("Every timestamp"), 0);
    m_resample->addItem(tr("1 second"), 1000);
    m_resample->addItem(tr("1 minute"), 60000);
    m_method->addItem(tr("Mean"), int(ExportRequest::Resample::Mean));
    m_method->addItem(tr("Last value"), int(ExportRequest::Resample::Last));
    m_extras->setChecked(true);
    m_progress->setRange(0, 1000);
    m_progress->hide(); // until an export runs: an idle "0 %" reads as a stalled export

    // The choices, in one widget so that they can be frozen while an export runs.
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Save as:"), outputRow);
    form->addRow(tr("Layout:"), m_layout);
    form->addRow(m_useFrom, m_from);
    form->addRow(m_useTo, m_to);
    form->addRow(tr("Channels:"), m_channels);
    form->addRow(tr("Resample (wide):"), m_resample);
    form->addRow(tr("Resample by:"), m_method);
    auto *choicesLayout = new QVBoxLayout(m_choices);
    choicesLayout->setContentsMargins(0, 0, 0, 0);
    choicesLayout->addLayout(form);
    choicesLayout->addWidget(m_extras);
    choicesLayout->addWidget(m_zip);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_exportButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_choices);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_cancelButton, &QPushButton::clicked, this, &ExportDialog::reject);
    connect(m_layout, &QComboBox::currentIndexChanged, this, [this] {
        const bool wide = m_layout->currentData().toString() == QLatin1String("wide");
        m_resample->setEnabled(wide);
        m_method->setEnabled(wide);
    });
    connect(&m_watcher, &QFutureWatcher<RunExporter::Result>::finished, this, &ExportDialog::onFinished);
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, &ExportDialog::showProgress);
}

ExportDialog::~ExportDialog()
{
    // The export goes on without us if it must: it only touches its own shared state and files.
    if (m_state)
        m_state->cancel = true;
}

void ExportDialog::reject()
{
    // Cancel (or Esc, or the window's close button) stops a running export and keeps the dialog open to say
    // so; otherwise it closes.
    if (isRunning())
        cancelExport();
    else
        QDialog::reject();
}

void ExportDialog::browse()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export run as"), m_output->text(),
                                                      tr("CSV (*.csv);;Zip (*.zip)"));
    if (!path.isEmpty())
        setOutputPath(path);
}

void ExportDialog::setOutputPath(const QString &path)
{
    m_output->setText(path);
    if (path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive))
        m_zip->setChecked(true);
}

void ExportDialog::setLayoutLong(bool isLong)
{
    m_layout->setCurrentIndex(isLong ? 1 : 0);
}

void ExportDialog::setZip(bool zip)
{
    m_zip->setChecked(zip);
}

ExportRequest ExportDialog::request() const
{
    ExportRequest request;
    request.layout = m_layout->currentData().toString() == QLatin1String("long")
                         ? ExportRequest::Layout::Long
                         : ExportRequest::Layout::Wide;
    if (m_useFrom->isChecked())
        request.fromMs = m_from->dateTime().toMSecsSinceEpoch();
    if (m_useTo->isChecked())
        request.toMs = m_to->dateTime().toMSecsSinceEpoch();
    for (int i = 0; i < m_channels->count(); ++i)
        if (m_channels->item(i)->checkState() == Qt::Checked)
            request.channels << m_channels->item(i)->text();
    if (request.channels.size() == m_channels->count())
        request.channels.clear(); // all
    if (request.layout == ExportRequest::Layout::Wide)
        request.resampleMs = m_resample->currentData().toInt();
    request.resample = ExportRequest::Resample(m_method->currentData().toInt());
    const QFileInfo output(m_output->text());
    const QString base = output.absolutePath() + QLatin1Char('/') + output.completeBaseName();
    if (m_zip->isChecked()) {
        // Inside the zip the parts carry plain names.
        request.zipFile = base + QStringLiteral(".zip");
        request.csvFile = base + QStringLiteral("/readings.csv");
        if (m_extras->isChecked()) {
            request.manifestFile = base + QStringLiteral("/manifest.json");
            request.auditFile = base + QStringLiteral("/audit.csv");
            request.eventsFile = base + QStringLiteral("/events.csv");
        }
    } else {
        request.csvFile = base + QStringLiteral(".csv");
        if (m_extras->isChecked()) {
            request.manifestFile = base + QStringLiteral(".manifest.json");
            request.auditFile = base + QStringLiteral(".audit.csv");
            request.eventsFile = base + QStringLiteral(".events.csv");
        }
    }
    return request;
}

void ExportDialog::startExport()
{
    if (isRunning())
        return;
    int checked = 0;
    for (int i = 0; i < m_channels->count(); ++i)
        checked += m_channels->item(i)->checkState() == Qt::Checked ? 1 : 0;
    if (checked == 0 && m_channels->count() > 0) {
        m_status->setText(tr("Choose at least one channel."));
        return;
    }
    ExportRequest exportRequest = request();
    m_state = std::make_shared<PoolJobProgress>();
    exportRequest.progress = PoolJobProgress::callback(m_state);
    m_progress->setValue(0);
    m_progress->show();
    m_status->setText(tr("Exporting..."));
    m_choices->setEnabled(false);
    m_exportButton->setEnabled(false);
    m_cancelButton->setText(tr("Cancel"));
    m_progressTimer->start();
    const QString runFile = m_runFile;
    m_watcher.setFuture(QtConcurrent::run(
        [runFile, exportRequest] { return RunExporter::exportRun(runFile, exportRequest); }));
}

void ExportDialog::cancelExport()
{
    if (m_state)
        m_state->cancel = true;
    m_status->setText(tr("Cancelling..."));
}

void ExportDialog::showProgress()
{
    if (!m_state)
        return;
    const qint64 total = m_state->total;
    m_progress->setValue(total > 0 ? int(1000 * m_state->done / total) : 0);
}

void ExportDialog::onFinished()
{
    m_progressTimer->stop();
    m_choices->setEnabled(true);
    m_exportButton->setEnabled(true);
    m_cancelButton->setText(tr("Close"));
    const RunExporter::Result result = m_watcher.result();
    QString message;
    if (result.ok) {
        m_progress->setValue(1000);
        message = tr("Exported %1 readings in %2 rows.").arg(result.readings).arg(result.rows);
    } else {
        m_progress->hide(); // outputs are written whole or not at all: a part-filled bar would mislead
        m_progress->setValue(0);
        message = result.cancelled ? tr("Export cancelled; nothing was written.")
                                   : tr("Export failed: %1").arg(result.error);
    }
    m_status->setText(message);
    Q_EMIT exportFinished(result.ok, message);
}

QString ExportDialog::statusText() const
{
    return m_status->text();
}

int ExportDialog::progressValue() const
{
    return m_progress->value();
}

bool ExportDialog::isProgressVisible() const
{
    return !m_progress->isHidden();
}
