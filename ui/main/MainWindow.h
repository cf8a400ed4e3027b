#pragma once
// The operator's window: live plots in the middle, the feed panel and instrument states docked at the side,
// event-loop lag and recording state in the status bar.
#include <QMainWindow>

class CompoundDock;
class ControlDocks;
class FeedPanel;
class ForecastOverlay;
class InstrumentStatusPanel;
class LivePlot;
class QLabel;
class ReactorSession;
class RecommendationCard;
class RecordingActions;
class StationSaveActions;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // pubChemBaseUrl: from --base-url; empty means the environment, the settings, then the public service.
    explicit MainWindow(ReactorSession *session, const QString &pubChemBaseUrl = QString(),
                        QWidget *parent = nullptr);

    LivePlot *livePlot() const { return m_plot; }
    FeedPanel *feedPanel() const { return m_feedPanel; }
    InstrumentStatusPanel *instrumentPanel() const { return m_instruments; }
    QString lagText() const;
    RecordingActions *recordingActions() const { return m_recordingActions; }
    ForecastOverlay *forecastOverlay() const { return m_forecast; }
    RecommendationCard *recommendationCard() const { return m_recommendation; }
    ControlDocks *controlDocks() const { return m_controlDocks; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenusAndToolbar();
    void arrangeDocks();
    void updateRecordingStatus();

    ReactorSession *m_session;
    LivePlot *m_plot;
    FeedPanel *m_feedPanel;
    InstrumentStatusPanel *m_instruments;
    QLabel *m_lag;
    QLabel *m_recording;
    RecordingActions *m_recordingActions;
    ForecastOverlay *m_forecast;
    RecommendationCard *m_recommendation;
    ControlDocks *m_controlDocks;
    CompoundDock *m_compoundDock = nullptr;
    StationSaveActions *m_stationSave = nullptr;
    bool m_sessionStopped = false;
    bool m_quitConfirmed = false; // unsaved station edits were saved or discarded
};
