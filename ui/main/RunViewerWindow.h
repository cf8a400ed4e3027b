#pragma once
// A past run opened read-only (File > Open run...): the same stacked plots as the live view, never following
// live, with zoom, pan, cursor readout, save as PNG/PDF and export. The file is read on the thread pool; the
// window shows the progress until the plots are ready.
#include "ChannelInfo.h"

#include <QFutureWatcher>
#include <QMainWindow>

#include <memory>

class LivePlot;
class QLabel;
class QProgressBar;
class SampleStore;

class RunViewerWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit RunViewerWindow(const QString &runFile, QWidget *parent = nullptr);
    ~RunViewerWindow() override;

    QString runFile() const { return m_runFile; }
    LivePlot *plot() const { return m_plot; } // null until loaded
    bool isLoaded() const { return m_plot != nullptr; }
    QString statusText() const;

Q_SIGNALS:
    void loaded(bool ok);

private:
    struct Loaded;
    void onLoaded();
    void savePlot();
    void exportRun();

    QString m_runFile;
    QLabel *m_status;
    QProgressBar *m_progress;
    LivePlot *m_plot = nullptr;
    std::unique_ptr<SampleStore> m_store;
    QList<ChannelInfo> m_channels;
    QFutureWatcher<std::shared_ptr<Loaded>> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};
