#pragma once
// File > Verify run file...: checks one run file (integrity, audit hash chain, and the anchors kept outside
// the file, AnchorLocation::standard() unless told otherwise) with RunVerifier on the thread pool. A progress
// bar follows it (busy while SQLite checks the file, then audit rows), Cancel stops it, and the result says
// "intact" or names the first bad audit row, with the warnings (e.g. no anchor log) listed below.
#include "AnchorLocation.h"
#include "PoolJobProgress.h"
#include "RunVerifier.h"

#include <QDialog>
#include <QFutureWatcher>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTimer;

class RunVerifyDialog : public QDialog
{
    Q_OBJECT
public:
    RunVerifyDialog(const QString &runFile, const AnchorLocation &anchors = AnchorLocation::standard(),
                    QWidget *parent = nullptr);
    ~RunVerifyDialog() override;

    void startVerify();
    void cancelVerify();
    // From startVerify() until the result is shown (the pool may be done a little earlier).
    bool isRunning() const { return m_running; }
    // The last finished check (default-constructed before one finished).
    const RunVerifier::Report &report() const { return m_report; }
    QString resultText() const;
    QString warningsText() const;
    // The progress bar: maximum 0 while busy without a count.
    int progressValue() const;
    int progressMaximum() const;

Q_SIGNALS:
    void verifyFinished();

private:
    void showProgress();
    void onFinished();

    QString m_runFile;
    AnchorLocation m_anchors;
    QLabel *m_result;
    QProgressBar *m_progress;
    QPlainTextEdit *m_warnings;
    QPushButton *m_cancelButton;
    QTimer *m_progressTimer;
    QFutureWatcher<RunVerifier::Report> m_watcher;
    std::shared_ptr<PoolJobProgress> m_state; // audit rows
    RunVerifier::Report m_report;
    bool m_running = false;
};
