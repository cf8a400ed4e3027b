// The main window on the demo reactor with unsaved station edits, offscreen: the title shows "*", the
// Instruments menu's "Save station" is enabled, and quitting asks first without blocking: Cancel keeps the
// session running, Discard stops it and closes the window.
#include "ControlSystem.h"
#include "MainWindow.h"
#include "ReactorSession.h"
#include "StationEditor.h"
#include "StationInstruments.h"
#include "UserSession.h"

#include <QAction>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
QMessageBox *question(QWidget *window)
{
    QMessageBox *box = nullptr;
    const bool shown =
        QTest::qWaitFor([&] { return (box = window->findChild<QMessageBox *>()) && box->isVisible(); }, 5000);
    return shown ? box : nullptr;
}
} // namespace

class TestMainWindowStationQuit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // user store and settings: test folders

    void quitAsksAboutUnsavedEdits()
    {
        QTemporaryDir dir;
        ReactorSession::Options options;
        options.simulatorProgram = QStringLiteral(RD_SIM_PATH);
        options.runFile = dir.filePath(QStringLiteral("quit.rdrun"));
        ReactorSession session(options);
        MainWindow window(&session);
        window.show();
        session.start();
        QFile::remove(ControlSystem::defaultUserStorePath());
        QSignalSpy signedIn(session.control()->users(), &UserSession::actorChanged);
        session.control()->users()->createFirstAdminAndSignIn(QStringLiteral("ada"),
                                                              QStringLiteral("s3cret-pass"));
        QVERIFY(signedIn.wait(10000));

        QAction *save = nullptr;
        for (QAction *action : window.findChildren<QAction *>())
            if (action->text() == QStringLiteral("&Save station"))
                save = action;
        QVERIFY(save);
        QVERIFY(!save->isEnabled());
        QVERIFY(!window.isWindowModified());
        InstrumentConfig pump = session.instruments()->station().instruments.at(1);
        QCOMPARE(pump.name, QStringLiteral("Feed pump"));
        pump.pollPeriodMs = 250;
        session.stationEditor()->replaceInstrument(pump.name, pump);
        QVERIFY(window.isWindowModified());
        QVERIFY(save->isEnabled());

        QSignalSpy stopped(&session, &ReactorSession::stopped);
        window.close();
        QMessageBox *box = question(&window);
        QVERIFY(box);
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!window.findChild<QMessageBox *>());
        QVERIFY(window.isVisible());
        QCOMPARE(stopped.size(), 0);

        window.close();
        box = question(&window);
        QVERIFY(box);
        box->button(QMessageBox::Discard)->click();
        QVERIFY(stopped.size() == 1 || stopped.wait(10000));
        QTRY_VERIFY(!window.isVisible());
        // Discarded: the edit was never written anywhere, and the demo stays the built-in one.
        QCOMPARE(session.stationEditor()->stationFile(), QStringLiteral(":/stations/demo.json"));
    }
};

QTEST_MAIN(TestMainWindowStationQuit)
#include "tst_mainwindow_station_quit.moc"
