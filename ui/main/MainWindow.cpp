#include "MainWindow.h"

#include "ControlDocks.h"
#include "ControlSystem.h"
#include "FeedPanel.h"
#include "ForecastOverlay.h"
#include "InstrumentStatusPanel.h"
#include "LivePlot.h"
#include "PredictionCoordinator.h"
#include "ReactorSession.h"
#include "RecommendationCard.h"
#include "RecordingActions.h"
#include "RunRecorder.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

MainWindow::MainWindow(ReactorSession *session, QWidget *parent)
    : QMainWindow(parent), m_session(session),
      m_plot(new LivePlot(session->store(), session->channels(), this)),
      m_feedPanel(new FeedPanel(session->feed(), session->options().user, session->options().role, this)),
      m_instruments(new InstrumentStatusPanel(this)), m_lag(new QLabel(this)), m_recording(new QLabel(this)),
      m_recordingActions(new RecordingActions(this, session, m_plot)),
      m_forecast(new ForecastOverlay(m_plot, this)),
      m_recommendation(new RecommendationCard(session->prediction(), session->control()->users(), this)),
      m_controlDocks(new ControlDocks(this, session->control()))
{
    setWindowTitle(tr("ReactorDesk — demo reactor"));
    setCentralWidget(m_plot);

    auto *feedDock = new QDockWidget(tr("Feed"), this);
    feedDock->setObjectName(QStringLiteral("feedDock"));
    feedDock->setWidget(m_feedPanel);
    addDockWidget(Qt::RightDockWidgetArea, feedDock);
    auto *recommendationDock = new QDockWidget(tr("Model recommendation"), this);
    recommendationDock->setObjectName(QStringLiteral("recommendationDock"));
    recommendationDock->setWidget(m_recommendation);
    addDockWidget(Qt::RightDockWidgetArea, recommendationDock);
    connect(session->prediction(), &PredictionCoordinator::forecastReady, m_forecast,
            &ForecastOverlay::setForecast);
    auto *instrumentDock = new QDockWidget(tr("Instruments"), this);
    instrumentDock->setObjectName(QStringLiteral("instrumentDock"));
    instrumentDock->setWidget(m_instruments);
    addDockWidget(Qt::RightDockWidgetArea, instrumentDock);

    for (const QString &name : session->instrumentNames())
        m_instruments->setState(name, session->instrumentState(name), QString());
    connect(session, &ReactorSession::instrumentStateChanged, m_instruments,
            &InstrumentStatusPanel::setState);
    connect(session, &ReactorSession::problem, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });

    statusBar()->addPermanentWidget(m_recording);
    statusBar()->addPermanentWidget(m_lag);
    connect(session->lagProbe(), &EventLoopLagProbe::lagUpdated, this, [this] { m_lag->setText(lagText()); });
    m_lag->setText(lagText());
    auto *recordingTimer = new QTimer(this);
    connect(recordingTimer, &QTimer::timeout, this, &MainWindow::updateRecordingStatus);
    recordingTimer->start(500);
    updateRecordingStatus();

    buildMenusAndToolbar();
    connect(session, &ReactorSession::stopped, this, [this] {
        m_sessionStopped = true;
        close();
    });
    resize(1400, 950);
}

QString MainWindow::lagText() const
{
    return tr("Event-loop lag: %1 ms (max, last 1 s)")
        .arg(m_session->lagProbe()->maxLagMsInWindow(), 0, 'f', 1);
}

void MainWindow::updateRecordingStatus()
{
    m_recording->setText(m_recordingActions->recordingText());
    m_recording->setStyleSheet(m_recordingActions->storageFailing() ? QStringLiteral("color: #c0392b") : QString());
}

void MainWindow::buildMenusAndToolbar()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *follow = view->addAction(tr("&Follow live"));
    follow->setCheckable(true);
    follow->setChecked(m_plot->followLive());
    follow->setShortcut(Qt::Key_F);
    follow->setToolTip(tr("Scroll with the newest data (F). Dragging or zooming a plot pauses it."));
    connect(follow, &QAction::toggled, m_plot, &LivePlot::setFollowLive);
    connect(m_plot, &LivePlot::followLiveChanged, follow, &QAction::setChecked);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->addAction(follow);
    m_recordingActions->install(file, toolbar);
    m_controlDocks->install(file, toolbar); // alarms, control panels, STOP ALL, sign in/out
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_sessionStopped) {
        event->accept();
        return;
    }
    // Stop recording and the simulator first; the session closes the window again when it is done.
    event->ignore();
    statusBar()->showMessage(tr("Stopping: saving the run and stopping instruments..."));
    m_session->shutdown();
}
