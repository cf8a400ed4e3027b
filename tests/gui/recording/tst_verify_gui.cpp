// File > Verify run file... offscreen: the action opens a non-blocking file dialog and the chosen file is
// verified on the pool against the anchors in the standard location (this test's own XDG data folder); an
// intact file says so, a tampered one names its first bad audit row, a file whose anchor log is missing shows
// the warning; on a large file Cancel stops the check (also in the middle of SQLite's integrity check).
#include "../../unit/recording/RunFileFixture.h"
#include "MainWindow.h"
#include "ReactorSession.h"
#include "RecordingActions.h"
#include "RunVerifier.h"
#include "RunVerifyDialog.h"

#include <QAction>
#include <QFileDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
constexpr qint64 t0 = 1763769600000;
constexpr int largeRunReadings = 400000;

QList<AuditEntry> fiveEntries()
{
    QList<AuditEntry> audit;
    for (int i = 1; i <= 5; ++i)
        audit << RunFileFixture::auditEntry(t0 + i, QStringLiteral("feed_pump.rate"), QString::number(i - 1),
                                            QString::number(i), QStringLiteral("step %1").arg(i));
    return audit;
}

QList<Reading> someReadings(int count)
{
    QList<Reading> readings;
    for (int i = 0; i < count; ++i)
        readings << Reading{QStringLiteral("x"), t0 + i, double(i), QStringLiteral("u"), Quality::Good};
    return readings;
}

// Waits for the dialog's check to end; false when it did not within the time.
bool finishes(RunVerifyDialog *dialog, int timeoutMs = 30000)
{
    QSignalSpy finished(dialog, &RunVerifyDialog::verifyFinished);
    return !dialog->isRunning() || finished.wait(timeoutMs);
}
} // namespace

class TestVerifyGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // The standard anchor location must be this test's folder (rd_add_test sets it), never the real home.
        QVERIFY2(qEnvironmentVariableIsSet("XDG_DATA_HOME"), "run through ctest");
        QVERIFY(m_dir.isValid());
    }

    void menuActionVerifiesAnIntactFile()
    {
        const QString run = m_dir.filePath(QStringLiteral("intact.rdrun"));
        QVERIFY(RunFileFixture::write(run, someReadings(100), fiveEntries(), {}, AnchorLocation::standard()));

        ReactorSession::Options options;
        options.simulatorProgram = QStringLiteral(RD_SIM_PATH);
        options.runFile = m_dir.filePath(QStringLiteral("session.rdrun"));
        ReactorSession session(options);
        MainWindow window(&session);
        window.show();
        const QList<QAction *> actions = window.findChildren<QAction *>(QStringLiteral("verifyRunAction"));
        QCOMPARE(actions.size(), 1);
        actions.first()->trigger(); // returns at once: the file dialog is window-modal, not exec()
        auto *chooser = window.findChild<QFileDialog *>(QStringLiteral("verifyRunFileDialog"));
        QVERIFY(chooser);
        QTRY_VERIFY(chooser->isVisible());
        chooser->selectFile(run);
        static_cast<QDialog *>(chooser)->accept(); // as the Open button does

        RunVerifyDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<RunVerifyDialog *>()) != nullptr);
        QVERIFY(finishes(dialog));
        QVERIFY2(dialog->report().ok, qPrintable(dialog->report().problem));
        QCOMPARE(dialog->report().auditRows, 5);
        QCOMPARE(dialog->report().anchoredRows, 5); // checked against the standard location's anchors
        QVERIFY2(dialog->resultText().startsWith(QLatin1String("Intact: 5 audit rows verified, 5 of them")),
                 qPrintable(dialog->resultText()));
        QVERIFY(dialog->warningsText().isEmpty());
        QCOMPARE(dialog->progressValue(), 1000);
        dialog->close();
    }

    void tamperedFileNamesTheFirstBadRow()
    {
        const QString run = m_dir.filePath(QStringLiteral("tampered.rdrun"));
        QVERIFY(RunFileFixture::write(run, someReadings(100), fiveEntries(), {}, AnchorLocation::standard()));
        QCOMPARE(RunFileFixture::tamper(run, {QStringLiteral("UPDATE audit SET reason = 'x' WHERE id = 3")}),
                 QString());
        RunVerifyDialog dialog(run);
        dialog.show();
        dialog.startVerify();
        QVERIFY(finishes(&dialog));
        QVERIFY(!dialog.report().ok);
        QVERIFY2(dialog.report().firstBadRow == 3, qPrintable(dialog.report().problem));
        QVERIFY2(dialog.resultText().contains(QLatin1String("audit row 3 is the first that does not verify")),
                 qPrintable(dialog.resultText()));
    }

    void missingAnchorLogIsShownAsAWarning()
    {
        // Anchored elsewhere (as on another machine): the standard location has no log for this run.
        const QString run = m_dir.filePath(QStringLiteral("copied.rdrun"));
        QVERIFY(RunFileFixture::write(
            run, someReadings(100), fiveEntries(), {},
            {m_dir.filePath(QStringLiteral("elsewhere")), m_dir.filePath(QStringLiteral("elsewhere.key"))}));
        RunVerifyDialog dialog(run);
        dialog.show();
        dialog.startVerify();
        QVERIFY(finishes(&dialog));
        QVERIFY2(dialog.report().ok, qPrintable(dialog.report().problem));
        QCOMPARE(dialog.report().anchoredRows, 0);
        QVERIFY2(dialog.resultText().startsWith(QLatin1String("Intact: 5 audit rows verified.")),
                 qPrintable(dialog.resultText()));
        QVERIFY2(dialog.warningsText().contains(QLatin1String("no anchor log")),
                 qPrintable(dialog.warningsText()));
    }

    void cancelStopsTheCheckOfALargeFile()
    {
        const QString run = m_dir.filePath(QStringLiteral("large.rdrun"));
        QVERIFY(RunFileFixture::write(run, someReadings(10), fiveEntries(), {}, AnchorLocation::standard()));
        // Many readings in one statement (the recorder's path is tested elsewhere; this only makes it large).
        QCOMPARE(
            RunFileFixture::tamper(
                run, {QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE "
                                     "i < %1) INSERT INTO readings (t_ms, channel_id, seq, value, quality) "
                                     "SELECT %2 + i, (SELECT MIN(id) FROM channels), 100 + i, i, 0 FROM n")
                          .arg(largeRunReadings)
                          .arg(t0 + 1000)}),
            QString());

        // The integrity check itself asks whether to go on, and stops when told (here at its third question).
        int busyCalls = 0;
        const RunVerifier::Report stopped =
            RunVerifier::verify(run, AnchorLocation::standard(), [&busyCalls](qint64 done, qint64 total) {
                busyCalls += done == 0 && total == 0 ? 1 : 0;
                return busyCalls < 3;
            });
        QVERIFY(stopped.cancelled);
        QVERIFY(!stopped.ok);
        QCOMPARE(busyCalls, 3);

        RunVerifyDialog dialog(run);
        dialog.show();
        dialog.startVerify();
        QVERIFY(dialog.isRunning());
        auto *cancel = dialog.findChild<QPushButton *>();
        QVERIFY(cancel);
        QCOMPARE(cancel->text(), QStringLiteral("Cancel"));
        cancel->click();
        QVERIFY(finishes(&dialog));
        QVERIFY(dialog.report().cancelled);
        QVERIFY2(dialog.resultText().contains(QLatin1String("cancelled")), qPrintable(dialog.resultText()));
        QCOMPARE(cancel->text(), QStringLiteral("Close"));

        // Not cancelled, the same file verifies whole: the cancel was not a failure in disguise.
        dialog.startVerify();
        QVERIFY(finishes(&dialog, 60000));
        QVERIFY2(dialog.report().ok, qPrintable(dialog.report().problem));
        QCOMPARE(dialog.report().anchoredRows, 5);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestVerifyGui)
#include "tst_verify_gui.moc"
