// The recording side of the UI, offscreen: the plot's zoom, pan, cursor readout and PNG/PDF export; a past
// run opened read-only; the export dialog's path field, progress (shown only while exporting) and cancel (Esc
// stops a running export, otherwise the dialog closes); Add note in the main window reaching the
// run file as an event and an audit row.
#include "../../unit/recording/RunFileFixture.h"
#include "ChannelInfo.h"
#include "ExportDialog.h"
#include "LivePlot.h"
#include "MainWindow.h"
#include "ReactorSession.h"
#include "RecordingActions.h"
#include "RunVerifier.h"
#include "RunViewerWindow.h"
#include "SampleStore.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

namespace {
constexpr qint64 t0 = 1763769600000;

QCPRange timeRange(LivePlot *plot)
{
    return plot->plot()->axisRect(0)->axis(QCPAxis::atBottom)->range();
}
} // namespace

class TestRecordingGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void plotZoomsPansReadsOutAndSaves()
    {
        SampleStore store;
        for (int i = 0; i < 36000; ++i) {
            store.append(Reading{QStringLiteral("ph"), t0 + i * 1000, 7.0 + (i % 60) * 0.01,
                                 QStringLiteral("pH"), Quality::Good});
            store.append(
                Reading{QStringLiteral("do"), t0 + i * 1000, 40.0, QStringLiteral("%sat"), Quality::Good});
        }
        LivePlot plot(&store, {{QStringLiteral("ph"), QStringLiteral("pH"), QStringLiteral("pH"), 4, 9},
                               {QStringLiteral("do"), QStringLiteral("%sat"), QStringLiteral("DO"), 0, 100}});
        plot.resize(1000, 600);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.setLive(false);
        QVERIFY(!plot.followLive());
        const QCPRange all = timeRange(&plot);
        QVERIFY(all.lower <= t0 / 1000.0 && all.upper >= t0 / 1000.0 + 35999);
        QVERIFY(plot.pointCount(QStringLiteral("ph")) <= 4 * 1000); // an envelope, not 36,000 points

        plot.setFocus();
        QTest::keyClick(&plot, Qt::Key_Plus);
        const QCPRange zoomed = timeRange(&plot);
        QVERIFY(qAbs(zoomed.size() - all.size() / 2) < 1e-6 * all.size());
        QTest::keyClick(&plot, Qt::Key_Right);
        QVERIFY(qAbs(timeRange(&plot).lower - (zoomed.lower + zoomed.size() * 0.2)) < 1e-3);
        QTest::keyClick(&plot, Qt::Key_Minus);
        QVERIFY(qAbs(timeRange(&plot).size() - all.size()) < 1e-6 * all.size());
        // Zoomed to a minute, every reading is drawn.
        plot.setTimeRange(t0 / 1000.0 + 600, t0 / 1000.0 + 660);
        QCOMPARE(plot.pointCount(QStringLiteral("ph")), 61 + 2);
        plot.showCursorAt(t0 / 1000.0 + 630);
        // The unit is not repeated where it is the channel's label ("pH 7.3", not "pH 7.3 pH").
        QVERIFY2(plot.cursorText().contains(QStringLiteral("pH 7.3   ")), qPrintable(plot.cursorText()));
        QVERIFY(plot.cursorText().contains(QStringLiteral("DO 40 %sat")));

        const QString png = m_dir.filePath(QStringLiteral("plot.png"));
        const QString pdf = m_dir.filePath(QStringLiteral("plot.pdf"));
        QVERIFY(plot.saveImage(png));
        QVERIFY(plot.saveImage(pdf));
        QVERIFY(!plot.saveImage(m_dir.filePath(QStringLiteral("plot.bmpx"))));
        QImage image(png);
        QVERIFY(image.width() >= 1000);
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");
    }

    void zoomIntoHistoryReadsTheRunFile()
    {
        const QString run = m_dir.filePath(QStringLiteral("history.rdrun"));
        QList<Reading> readings;
        SampleStore store(nullptr, 100); // full resolution for the last 100 readings only
        for (int i = 0; i < 20000; ++i) {
            readings << Reading{QStringLiteral("od"), t0 + i * 1000, 0.5 + i * 1e-4 + (i % 3) * 0.01,
                                QStringLiteral("OD600"), Quality::Good};
            store.append(readings.last());
        }
        QVERIFY(RunFileFixture::write(run, readings, {}));
        LivePlot plot(&store, {{QStringLiteral("od"), QStringLiteral("OD600"), QStringLiteral("OD"), 0, 5}});
        plot.resize(800, 400);
        plot.show();
        plot.setRunFile(run);
        plot.setLive(false);
        // A minute an hour into the run: the store has only envelopes of it, the file has every reading.
        plot.setTimeRange(t0 / 1000.0 + 3600, t0 / 1000.0 + 3660);
        QVERIFY(plot.pointCount(QStringLiteral("od")) < 20);
        QTRY_COMPARE_WITH_TIMEOUT(plot.pointCount(QStringLiteral("od")), 61, 10000);
        const auto data = plot.plot()->graph(0)->data();
        QCOMPARE(data->at(0)->key, t0 / 1000.0 + 3600);
        QCOMPARE(data->at(0)->value, readings.at(3600).value);
        QCOMPARE(data->at(60)->value, readings.at(3660).value);
    }

    void pastRunOpensReadOnly()
    {
        const QString run = m_dir.filePath(QStringLiteral("past.rdrun"));
        QList<Reading> readings;
        for (int i = 0; i < 5000; ++i)
            readings << Reading{QStringLiteral("od"), t0 + i * 500, 0.1 * i, QStringLiteral("OD600"),
                                Quality::Good};
        QVERIFY(RunFileFixture::write(
            run, readings, {},
            {{QStringLiteral("od"), QStringLiteral("OD600"), QStringLiteral("Optical density"), 0, 600}}));
        const QByteArray before = [&] {
            QFile f(run);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        auto *viewer = new RunViewerWindow(run);
        QSignalSpy loaded(viewer, &RunViewerWindow::loaded);
        viewer->show();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.first().at(0).toBool(), true);
        QVERIFY(viewer->isLoaded());
        QVERIFY(!viewer->plot()->followLive());
        QTRY_VERIFY(viewer->plot()->pointCount(QStringLiteral("od")) > 100);
        viewer->plot()->setFollowLive(true); // a past run never follows live
        QVERIFY(!viewer->plot()->followLive());
        viewer->close();
        QFile after(run);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before); // untouched

        const QString garbage = m_dir.filePath(QStringLiteral("garbage.rdrun"));
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'g'));
        file.close();
        auto *broken = new RunViewerWindow(garbage);
        QSignalSpy brokenLoaded(broken, &RunViewerWindow::loaded);
        QVERIFY(brokenLoaded.wait(10000));
        QCOMPARE(brokenLoaded.first().at(0).toBool(), false);
        QVERIFY2(broken->statusText().contains(garbage), qPrintable(broken->statusText()));
        broken->close();
    }

    void exportDialogRunsAndCancels()
    {
        const QString run = m_dir.filePath(QStringLiteral("export.rdrun"));
        QList<Reading> readings;
        for (int i = 0; i < 300000; ++i)
            readings << Reading{QStringLiteral("x"), t0 + i, double(i), QStringLiteral("u"), Quality::Good};
        QVERIFY(RunFileFixture::write(run, readings, {}));

        ExportDialog dialog(run, {QStringLiteral("x")});
        dialog.show();
        // The path field has room for a path; no progress bar until something runs.
        auto *path = dialog.findChild<QLineEdit *>(QStringLiteral("outputPath"));
        QVERIFY(path->width() >= path->fontMetrics().averageCharWidth() * 50);
        QCOMPARE(path->toolTip(), path->text()); // the whole path, however much of it the field shows
        QVERIFY(!dialog.isProgressVisible());
        dialog.setOutputPath(m_dir.filePath(QStringLiteral("dialog.csv")));
        dialog.setLayoutLong(true);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.startExport();
        QVERIFY(dialog.isRunning());
        QVERIFY(dialog.isProgressVisible());
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QCOMPARE(dialog.progressValue(), 1000);
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("dialog.csv"))));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("dialog.manifest.json"))));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("dialog.audit.csv"))));

        // Cancelled at once by Esc (the dialog's Cancel): no output at all; the dialog stays open to say so.
        dialog.setOutputPath(m_dir.filePath(QStringLiteral("cancelled.zip")));
        finished.clear();
        dialog.startExport();
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(dialog.statusText().contains(QStringLiteral("cancelled")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("cancelled.zip"))));
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.isProgressVisible());
        // With nothing running, the same button closes the dialog.
        QPushButton *close = nullptr;
        for (QPushButton *button : dialog.findChildren<QPushButton *>())
            if (button->text() == QStringLiteral("Close"))
                close = button;
        QVERIFY(close);
        QTest::mouseClick(close, Qt::LeftButton);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void addNoteReachesTheRunFile()
    {
        const QString run = m_dir.filePath(QStringLiteral("notes.rdrun"));
        ReactorSession::Options options;
        options.simulatorProgram = QStringLiteral(RD_SIM_PATH);
        options.speed = 600;
        options.runFile = run;
        options.user = QStringLiteral("carol");
        ReactorSession session(options);
        const AnchorLocation anchors{m_dir.filePath(QStringLiteral("anchors")),
                                     m_dir.filePath(QStringLiteral("anchor.key"))};
        session.recorder()->setAnchorLocation(anchors); // not the user's data folder
        MainWindow window(&session);
        window.show();
        session.start();
        const QList<QAction *> actions = window.findChildren<QAction *>(QStringLiteral("addNoteAction"));
        QCOMPARE(actions.size(), 1);
        window.recordingActions()->addNote(QStringLiteral("sample taken: OD 2.31"));
        QTRY_VERIFY_WITH_TIMEOUT(session.recorder()->queueDepth() == 0, 5000);
        QVERIFY(window.recordingActions()->recordingText().contains(QFileInfo(run).fileName()));
        QSignalSpy stopped(&session, &ReactorSession::stopped);
        window.close();
        QVERIFY(stopped.wait(10000));

        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("notes"));
        db.setDatabaseName(run);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT text FROM events WHERE kind = 'note'")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("sample taken: OD 2.31"));
        QVERIFY(q.exec(QStringLiteral("SELECT user, new_value FROM audit WHERE object = 'run.note'")) &&
                q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("carol"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("sample taken: OD 2.31"));
        QVERIFY(q.exec(QStringLiteral("SELECT 1 FROM run_info WHERE key = 'finished_utc'")) && q.next());
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("notes"));
        // The note's audit row was anchored outside the run file, and the chain matches its anchor.
        const RunVerifier::Report report = RunVerifier::verify(run, anchors);
        QVERIFY2(report.ok, qPrintable(report.problem));
        QVERIFY(report.warnings.isEmpty());
        QCOMPARE(report.anchoredRows, report.auditRows);
        QVERIFY(report.anchoredRows >= 1);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestRecordingGui)
#include "tst_recording_gui.moc"
