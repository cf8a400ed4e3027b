#include "MainWindow.h"

#include "ChangePasswordDialog.h"
#include "CompoundDock.h"
#include "CompoundPanel.h"
#include "ControlDocks.h"
#include "ControlModePanel.h"
#include "ControlSystem.h"
#include "FeedPanel.h"
#include "ForecastOverlay.h"
#include "InstrumentManagerWindow.h"
#include "InstrumentStatusPanel.h"
#include "LivePlot.h"
#include "ModelPlanLink.h"
#include "PermissionMatrix.h"
#include "PredictionCoordinator.h"
#include "ReactorSession.h"
#include "RecommendationCard.h"
#include "RecordingActions.h"
#include "RunRecorder.h"
#include "StationEditor.h"
#include "StationSaveActions.h"
#include "UserManagerDialog.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QScrollArea>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

MainWindow::MainWindow(ReactorSession *session, const QString &pubChemBaseUrl, QWidget *parent)
    : QMainWindow(parent), m_session(session),
      m_plot(new LivePlot(session->store(), session->channels(), this)),
      m_feedPanel(new FeedPanel(
          session->control()->actuators()->find(session->feed()->actuatorName()),
          [control = session->control()] { return control->actor(); }, this)),
      m_instruments(new InstrumentStatusPanel(this)), m_lag(new QLabel(this)), m_recording(new QLabel(this)),
      m_recordingActions(new RecordingActions(this, session, m_plot)),
      m_forecast(new ForecastOverlay(m_plot, this)),
      m_recommendation(new RecommendationCard(session->prediction(), session->modelPlan(),
                                              session->control()->users(), this)),
      m_controlDocks(new ControlDocks(this, session->control()))
{
    if (ModelPlanLink *plan = session->modelPlan())
        for (ControlModePanel *panel : m_controlDocks->modePanels())
            connect(plan, &ModelPlanLink::statusChanged, panel, &ControlModePanel::updatePlanView);
    setWindowTitle(tr("ReactorDesk — %1[*]").arg(session->station().name));
    setWindowModified(session->stationEditor()->hasUnsavedEdits());
    connect(session->stationEditor(), &StationEditor::unsavedEditsChanged, this, &QWidget::setWindowModified);
    setCentralWidget(m_plot);
    // A channel gone quiet shows as uncertain/bad in its panel, not with its last value as if current.
    connect(session, &ReactorSession::channelQualityChanged, m_plot, &LivePlot::setChannelQuality);
    // Keyed like the run file's "station" entry, so a past run of this station opens with the same panels.
    m_plot->restoreLayout(session->options().stationFile.isEmpty() ? QStringLiteral("demo")
                                                                   : session->options().stationFile);

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
    auto *compounds = new CompoundDock(pubChemBaseUrl, this);
    addDockWidget(Qt::RightDockWidgetArea, compounds);
    compounds->hide(); // opened from the View menu
    // The medium calculator's result becomes the feed concentration the models use.
    connect(compounds->panel(), &CompoundPanel::substrateConcentrationChosen, this, [this](double gPerL) {
        const QString error = m_session->prediction()->setFeedSubstrateConcentration(gPerL);
        statusBar()->showMessage(
            error.isEmpty() ? tr("Models now use a feed of %1 g/L substrate").arg(gPerL) : error, 8000);
    });
    m_compoundDock = compounds;
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
    m_recording->setToolTip(m_session->recorder()->path());
    m_recording->setStyleSheet(m_recordingActions->storageFailing() ? QStringLiteral("color: #c0392b")
                                                                    : QString());
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
    m_plot->addLayoutMenu(view);

    view->addAction(m_compoundDock->toggleViewAction());
    m_compoundDock->toggleViewAction()->setText(tr("&Compounds (PubChem)"));

    QMenu *instruments = menuBar()->addMenu(tr("&Instruments"));
    instruments->addAction(tr("Instrument &manager..."), this, [this] {
        auto *manager = new InstrumentManagerWindow(m_session->stationEditor(), this);
        manager->setWindowFlag(Qt::Window);
        manager->setAttribute(Qt::WA_DeleteOnClose);
        manager->show();
    });
    m_stationSave = new StationSaveActions(m_session->stationEditor(), this);
    instruments->addAction(m_stationSave->saveAction());
    instruments->addAction(m_stationSave->saveAsAction());
    connect(m_stationSave, &StationSaveActions::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });

    // Enabled for admins only; UserStore refuses (and audits) whatever a non-admin might still attempt.
    QMenu *users = menuBar()->addMenu(tr("&Users"));
    QAction *manageUsers = users->addAction(tr("Manage &users..."), this, [this] {
        auto *dialog = new UserManagerDialog(m_session->control()->users(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    manageUsers->setObjectName(QStringLiteral("manageUsersAction"));
    QAction *changePassword = users->addAction(tr("Change my &password..."), this, [this] {
        auto *dialog = new ChangePasswordDialog(m_session->control()->users(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    changePassword->setObjectName(QStringLiteral("changePasswordAction"));
    auto enableForAdmins = [manageUsers, changePassword, control = m_session->control()] {
        manageUsers->setEnabled(PermissionMatrix::allows(control->actor().role, Permission::ManageUsers));
        changePassword->setEnabled(control->users()->signedIn());
    };
    connect(m_session->control()->users(), &UserSession::actorChanged, this, enableForAdmins);
    enableForAdmins();

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->addAction(follow);
    m_recordingActions->install(file, toolbar);
    m_controlDocks->setChannels(m_session->channels()); // labels and units in the alarm settings
    m_controlDocks->install(file, toolbar);             // alarms, control panels, STOP ALL, sign in/out
    arrangeDocks();
}

void MainWindow::arrangeDocks()
{
    // What sets the feed (manual rate, control modes, model advice) shares one tabbed column, so the window
    // fits a 1080-line screen; instrument states stay visible under it.
    auto *feed = findChild<QDockWidget *>(QStringLiteral("feedDock"));
    auto *control = findChild<QDockWidget *>(QStringLiteral("controlDock"));
    auto *recommendation = findChild<QDockWidget *>(QStringLiteral("recommendationDock"));
    if (feed && control) {
        // The control panels stack one group per actuator: let them scroll rather than push the window
        // taller.
        auto *scroll = new QScrollArea(control);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidget(control->widget());
        control->setWidget(scroll);
        tabifyDockWidget(feed, control);
    }
    if (feed && recommendation)
        tabifyDockWidget(feed, recommendation);
    if (feed)
        feed->raise();
    // The plots are the point of the window: the alarm list starts short (it grows when dragged).
    if (auto *alarms = findChild<QDockWidget *>(QStringLiteral("alarmDock")))
        resizeDocks({alarms}, {230}, Qt::Vertical);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_sessionStopped) {
        event->accept();
        return;
    }
    event->ignore();
    if (!m_quitConfirmed && m_session->stationEditor()->hasUnsavedEdits()) {
        // Unsaved instrument edits: ask (without blocking) before anything stops; close again once answered.
        m_stationSave->askBeforeQuit([this] {
            m_quitConfirmed = true;
            QTimer::singleShot(0, this, &QWidget::close);
        });
        return;
    }
    // Stop recording and the simulator first; the session closes the window again when it is done.
    statusBar()->showMessage(tr("Stopping: saving the run and stopping instruments..."));
    m_session->shutdown();
}
