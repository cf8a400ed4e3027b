#pragma once
// File > Export run...: readings CSV (wide or long, time range, channels, resampling), manifest, audit trail
// and events, optionally as one zip. The export runs on the thread pool; a progress bar (hidden until then)
// follows it, the choices are frozen meanwhile, and Cancel (or Esc) stops it (nothing half-written is left
// behind) while the dialog stays open to say so; when no export runs, Cancel/Close closes the dialog.
#include <QDialog>
#include <QFutureWatcher>

#include <memory>

#include "PoolJobProgress.h"
#include "RunExporter.h"

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    ExportDialog(const QString &runFile, const QStringList &channels, QWidget *parent = nullptr);
    ~ExportDialog() override;

    // The request the form describes (for tests and for the export itself).
    ExportRequest request() const;
    void setOutputPath(const QString &path);
    void setLayoutLong(bool isLong);
    void setZip(bool zip);
    void startExport();
    void cancelExport();
    bool isRunning() const { return m_watcher.isRunning(); }
    QString statusText() const;
    int progressValue() const;
    bool isProgressVisible() const;

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    void exportFinished(bool ok, const QString &message);

private:
    void browse();
    void showProgress();
    void onFinished();

    QString m_runFile;
    QLineEdit *m_output;
    QComboBox *m_layout;
    QCheckBox *m_useFrom;
    QCheckBox *m_useTo;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QListWidget *m_channels;
    QComboBox *m_resample;
    QComboBox *m_method;
    QCheckBox *m_extras;
    QCheckBox *m_zip;
    QWidget *m_choices;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_exportButton;
    QPushButton *m_cancelButton;
    QFutureWatcher<RunExporter::Result> m_watcher;
    std::shared_ptr<PoolJobProgress> m_state;
    QTimer *m_progressTimer;
};
