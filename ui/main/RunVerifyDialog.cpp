#include "RunVerifyDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

RunVerifyDialog::RunVerifyDialog(const QString &runFile, const AnchorLocation &anchors, QWidget *parent)
    : QDialog(parent), m_runFile(runFile), m_anchors(anchors), m_result(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_warnings(new QPlainTextEdit(this)),
      m_cancelButton(new QPushButton(tr("Cancel"), this)), m_progressTimer(new QTimer(this))
{
    setWindowTitle(tr("Verify run file"));
    auto *file = new QLabel(tr("Run file: %1").arg(QDir::toNativeSeparators(runFile)), this);
    file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warnings->setReadOnly(true);
    m_warnings->setPlaceholderText(tr("No warnings"));
    m_warnings->setMaximumBlockCount(100);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_cancelButton, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(file);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(new QLabel(tr("Warnings:"), this));
    layout->addWidget(m_warnings);
    layout->addWidget(buttons);
    resize(640, 320);

    // Cancel while the check runs, Close once it has finished.
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (isRunning())
            cancelVerify();
        else
            reject();
    });
    connect(&m_watcher, &QFutureWatcher<RunVerifier::Report>::finished, this, &RunVerifyDialog::onFinished);
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, &RunVerifyDialog::showProgress);
}

RunVerifyDialog::~RunVerifyDialog()
{
    // The check goes on without us if it must (it only reads the file and its own shared state): no waiting.
    if (m_state)
        m_state->cancel = true;
}

void RunVerifyDialog::startVerify()
{
    if (isRunning())
        return;
    m_state = std::make_shared<PoolJobProgress>();
    m_running = true;
    m_report = {};
    m_result->setText(tr("Checking the file's integrity, then its audit trail..."));
    m_warnings->clear();
    m_progress->setRange(0, 0);
    m_cancelButton->setText(tr("Cancel"));
    m_progressTimer->start();
    m_watcher.setFuture(QtConcurrent::run(
        [runFile = m_runFile, anchors = m_anchors, progress = PoolJobProgress::callback(m_state)] {
            return RunVerifier::verify(runFile, anchors, progress);
        }));
}

void RunVerifyDialog::cancelVerify()
{
    if (!isRunning())
        return;
    m_state->cancel = true;
    m_result->setText(tr("Cancelling..."));
}

void RunVerifyDialog::showProgress()
{
    const qint64 total = m_state->total;
    if (total <= 0) {
        m_progress->setRange(0, 0); // busy: SQLite's integrity check has no count
        return;
    }
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(1000 * m_state->done / total));
}

void RunVerifyDialog::onFinished()
{
    m_progressTimer->stop();
    m_running = false;
    m_report = m_watcher.result();
    m_progress->setRange(0, 1000);
    m_progress->setValue(m_report.cancelled ? 0 : 1000);
    if (m_report.cancelled) {
        m_result->setText(tr("Verification cancelled: nothing was concluded about this file."));
    } else if (m_report.ok) {
        m_result->setText(m_report.anchoredRows > 0
                              ? tr("Intact: %1 audit rows verified, %2 of them against the anchors kept "
                                   "outside the file.")
                                    .arg(m_report.auditRows)
                                    .arg(m_report.anchoredRows)
                              : tr("Intact: %1 audit rows verified.").arg(m_report.auditRows));
    } else if (m_report.firstBadRow > 0) {
        m_result->setText(tr("NOT INTACT: audit row %1 is the first that does not verify.\n%2")
                              .arg(m_report.firstBadRow)
                              .arg(m_report.problem));
    } else {
        m_result->setText(tr("NOT INTACT: %1").arg(m_report.problem));
    }
    m_warnings->setPlainText(m_report.warnings.join(QLatin1Char('\n')));
    m_cancelButton->setText(tr("Close"));
    Q_EMIT verifyFinished();
}

QString RunVerifyDialog::resultText() const
{
    return m_result->text();
}

QString RunVerifyDialog::warningsText() const
{
    return m_warnings->toPlainText();
}

int RunVerifyDialog::progressValue() const
{
    return m_progress->value();
}

int RunVerifyDialog::progressMaximum() const
{
    return m_progress->maximum();
}
