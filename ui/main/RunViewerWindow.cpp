#include "RunViewerWindow.h"

#include "ExportDialog.h"
#include "LivePlot.h"
#include "ReadOnlyRunFile.h"
#include "RunLoader.h"
#include "SampleStore.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QProgressBar>
#include <QSqlQuery>
#include <QStatusBar>
#include <QThread>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <atomic>

struct RunViewerWindow::Loaded
{
    RunLoader::Result result;
    QString station; // the run's "station" entry: its plot layout is the one saved for that station
};

namespace {
QString stationOfRun(const QString &runFile)
{
    ReadOnlyRunFile run(runFile);
    if (!run.error().isEmpty())
        return QString();
    QSqlQuery query(run.db());
    if (!query.exec(QStringLiteral("SELECT value FROM run_info WHERE key = 'station'")) || !query.next())
        return QString();
    return query.value(0).toString();
}
} // namespace

RunViewerWindow::RunViewerWindow(const QString &runFile, QWidget *parent)
    : QMainWindow(parent), m_runFile(runFile), m_status(new QLabel(this)), m_progress(new QProgressBar(this)),
      m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("%1 — read-only").arg(QFileInfo(runFile).fileName()));
    auto *loading = new QWidget(this);
    auto *layout = new QVBoxLayout(loading);
    m_status->setText(tr("Reading %1...").arg(runFile));
    layout->addStretch();
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addStretch();
    setCentralWidget(loading);
    m_progress->setRange(0, 0);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *save = file->addAction(tr("&Save plot as..."), this, &RunViewerWindow::savePlot);
    save->setShortcut(QKeySequence::Save);
    file->addAction(tr("&Export run..."), this, &RunViewerWindow::exportRun);
    file->addSeparator();
    file->addAction(tr("&Close"), this, &QWidget::close)->setShortcut(QKeySequence::Close);

    QThread *guiThread = thread();
    std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    connect(&m_watcher, &QFutureWatcher<std::shared_ptr<Loaded>>::finished, this, &RunViewerWindow::onLoaded);
    m_watcher.setFuture(QtConcurrent::run([runFile, guiThread, cancel] {
        auto loaded = std::make_shared<Loaded>();
        loaded->result = RunLoader::load(runFile, [cancel](qint64, qint64) { return !*cancel; });
        if (loaded->result.store) {
            loaded->result.store->moveToThread(guiThread);
            loaded->station = stationOfRun(runFile);
        }
        return loaded;
    }));
}

RunViewerWindow::~RunViewerWindow()
{
    *m_cancel = true;
    delete m_plot; // before the store it reads
    m_plot = nullptr;
}

void RunViewerWindow::onLoaded()
{
    std::shared_ptr<Loaded> outcome = m_watcher.result();
    if (!outcome->result.store) {
        m_progress->hide();
        m_status->setText(outcome->result.error);
        Q_EMIT loaded(false);
        return;
    }
    m_store = std::move(outcome->result.store);
    m_channels = outcome->result.channels;
    m_plot = new LivePlot(m_store.get(), m_channels, this);
    m_plot->setRunFile(m_runFile);
    if (!outcome->station.isEmpty())
        m_plot->restoreLayout(outcome->station);
    m_plot->setLive(false);
    setCentralWidget(m_plot);
    m_plot->addLayoutMenu(menuBar()->addMenu(tr("&View")));
    m_plot->setFocus();
    statusBar()->showMessage(tr("%1 readings, read-only").arg(outcome->result.readings));
    Q_EMIT loaded(true);
}

QString RunViewerWindow::statusText() const
{
    return m_status->text();
}

void RunViewerWindow::savePlot()
{
    if (!m_plot)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save plot as"), QString(),
                                                      tr("PNG image (*.png);;PDF document (*.pdf)"));
    if (!path.isEmpty() && !m_plot->saveImage(path))
        statusBar()->showMessage(tr("Could not save %1").arg(path), 8000);
}

void RunViewerWindow::exportRun()
{
    QStringList names;
    for (const ChannelInfo &channel : std::as_const(m_channels))
        names << channel.name;
    auto *dialog = new ExportDialog(m_runFile, names, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}
