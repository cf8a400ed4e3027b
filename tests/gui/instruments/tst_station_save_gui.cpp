// Saving the station from the instrument manager, offscreen, on the built-in demo station: a supervisor edits
// an instrument's poll period, the title shows "*", "Save station as..." asks for a file in a non-blocking
// dialog, the file written there loads with the new value and the session runs from it; a viewer's edit is
// refused below the UI; the quit question saves, discards or cancels.
#include "InstrumentManagerWindow.h"
#include "StationEditor.h"
#include "StationInstruments.h"
#include "StationLoader.h"
#include "StationSaveActions.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

namespace {
QPushButton *button(QWidget *window, const QString &text)
{
    for (QPushButton *b : window->findChildren<QPushButton *>())
        if (b->text() == text)
            return b;
    return nullptr;
}

bool selectInstrument(QWidget *window, const QString &name)
{
    auto *table = window->findChild<QTableWidget *>();
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 1)->text() == name) {
            table->selectRow(row);
            return true;
        }
    return false;
}

const InstrumentConfig *instrument(const StationConfig &station, const QString &name)
{
    for (const InstrumentConfig &c : station.instruments)
        if (c.name == name)
            return &c;
    return nullptr;
}

// The message box the quit question opened, once it is there.
QMessageBox *openQuestion(QWidget *parent)
{
    QMessageBox *box = nullptr;
    const bool shown =
        QTest::qWaitFor([&] { return (box = parent->findChild<QMessageBox *>()) && box->isVisible(); }, 5000);
    return shown ? box : nullptr;
}
} // namespace

class TestStationSaveGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // QSettings go to a test location

    void editPollPeriodAndSaveAs()
    {
        const StationLoadResult demo = StationLoader::loadFile(StationLoader::demoStationPath());
        QVERIFY(demo.ok());
        StationInstruments instruments(demo.station);
        StationEditor editor(&instruments, [] { return Actor{QStringLiteral("sue"), Role::Supervisor}; });
        QSignalSpy audited(&editor, &StationEditor::audited);
        InstrumentManagerWindow window(&editor);
        window.show();
        QVERIFY(!window.isWindowModified());
        QVERIFY(!window.saveActions()->saveAsAction()->isEnabled());

        QVERIFY(selectInstrument(&window, QStringLiteral("Feed pump")));
        auto *poll = window.findChild<QSpinBox *>(QStringLiteral("pollPeriod"));
        QCOMPARE(poll->value(), 500);
        poll->setValue(250);
        button(&window, QStringLiteral("Apply to selected"))->click();
        QCOMPARE(instrument(instruments.station(), QStringLiteral("Feed pump"))->pollPeriodMs, 250);
        QVERIFY(window.isWindowModified());
        QVERIFY(window.windowTitle().endsWith(QStringLiteral("[*]")));
        QVERIFY(window.saveActions()->saveAsAction()->isEnabled());

        // The demo is built in: "Save station" asks for a file as well.
        QToolButton *save = nullptr;
        for (QToolButton *b : window.findChildren<QToolButton *>())
            if (b->defaultAction() == window.saveActions()->saveAction())
                save = b;
        QVERIFY(save);
        save->click();
        QFileDialog *dialog = window.findChild<QFileDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible()); // open(), so the test (and the event loop) went on
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bench.json"));
        QSignalSpy saved(&editor, &StationEditor::saved);
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept(); // as the dialog's Save button does
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.first().first().toString(), path);

        const StationLoadResult reloaded = StationLoader::loadFile(path);
        QVERIFY2(reloaded.ok(), qPrintable(reloaded.errors.join('\n')));
        QCOMPARE(instrument(reloaded.station, QStringLiteral("Feed pump"))->pollPeriodMs, 250);
        QCOMPARE(instrument(reloaded.station, QStringLiteral("Feed balance"))->pollPeriodMs, 500);
        QVERIFY(!window.isWindowModified());
        QVERIFY(!window.saveActions()->saveAction()->isEnabled());
        QCOMPARE(editor.stationFile(), path); // the session runs from the new file now
        QVERIFY(editor.canSaveInPlace());
        QCOMPARE(StationEditor::lastStation(), path);
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("message"))->text().contains(path));

        QCOMPARE(audited.size(), 2); // applied to the running station, then saved
        for (const QList<QVariant> &signal : std::as_const(audited)) {
            const auto entry = signal.first().value<AuditEntry>();
            QCOMPARE(entry.user, QStringLiteral("sue"));
            QCOMPARE(entry.object, QStringLiteral("station.instrument.Feed pump"));
            QCOMPARE(entry.oldValue, QStringLiteral("pollPeriodMs=500"));
            QCOMPARE(entry.newValue, QStringLiteral("pollPeriodMs=250"));
        }
        QCOMPARE(audited.at(1).first().value<AuditEntry>().reason, QStringLiteral("saved to ") + path);
    }

    void viewerIsRefused()
    {
        const StationLoadResult demo = StationLoader::loadFile(StationLoader::demoStationPath());
        StationInstruments instruments(demo.station);
        StationEditor editor(&instruments, [] { return Actor{QStringLiteral("vic"), Role::Viewer}; });
        QSignalSpy audited(&editor, &StationEditor::audited);
        InstrumentManagerWindow window(&editor);
        window.show();
        QVERIFY(selectInstrument(&window, QStringLiteral("Feed pump")));
        window.findChild<QSpinBox *>(QStringLiteral("pollPeriod"))->setValue(250);
        button(&window, QStringLiteral("Apply to selected"))->click();

        QCOMPARE(instrument(instruments.station(), QStringLiteral("Feed pump"))->pollPeriodMs, 500);
        QVERIFY(!window.isWindowModified());
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("message"))->text(),
                 QStringLiteral("vic (Viewer) may not configure the station"));
        QCOMPARE(audited.size(), 1);
        const auto refusal = audited.first().first().value<AuditEntry>();
        QCOMPARE(refusal.object, QStringLiteral("station.instrument.Feed pump"));
        QVERIFY(refusal.reason.startsWith(QStringLiteral("refused")));
        QTemporaryDir dir;
        QVERIFY(!editor.saveAs(dir.filePath(QStringLiteral("x.json"))).isEmpty());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.json"))));
    }

    void quitQuestion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bench.json"));
        QVERIFY(QFile::copy(StationLoader::demoStationPath(), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        const StationLoadResult station = StationLoader::loadFile(path);
        QVERIFY(station.ok());
        StationInstruments instruments(station.station);
        StationEditor editor(&instruments, [] { return Actor{QStringLiteral("sue"), Role::Supervisor}; });
        QWidget parent;
        parent.show();
        StationSaveActions actions(&editor, &parent);
        int proceeded = 0;
        const auto proceed = [&proceeded] { ++proceeded; };

        actions.askBeforeQuit(proceed); // nothing unsaved: no question
        QCOMPARE(proceeded, 1);

        InstrumentConfig pump = *instrument(instruments.station(), QStringLiteral("Feed pump"));
        pump.timeoutMs = 700;
        editor.replaceInstrument(pump.name, pump); // applied; it reports that "@sim:pump" is not announced
        QVERIFY(editor.hasUnsavedEdits());
        actions.askBeforeQuit(proceed);
        QMessageBox *box = openQuestion(&parent);
        QVERIFY(box);
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!parent.findChild<QMessageBox *>()); // deleted on close
        QCOMPARE(proceeded, 1);
        QVERIFY(editor.hasUnsavedEdits());

        actions.askBeforeQuit(proceed);
        box = openQuestion(&parent);
        QVERIFY(box);
        box->button(QMessageBox::Save)->click();
        QTRY_COMPARE(proceeded, 2); // only once the file is written
        QVERIFY(!editor.hasUnsavedEdits());
        QCOMPARE(instrument(StationLoader::loadFile(path).station, QStringLiteral("Feed pump"))->timeoutMs,
                 700);

        pump.timeoutMs = 900;
        editor.replaceInstrument(pump.name, pump);
        QVERIFY(editor.hasUnsavedEdits());
        actions.askBeforeQuit(proceed);
        box = openQuestion(&parent);
        QVERIFY(box);
        box->button(QMessageBox::Discard)->click();
        QTRY_COMPARE(proceeded, 3);
        QCOMPARE(instrument(StationLoader::loadFile(path).station, QStringLiteral("Feed pump"))->timeoutMs,
                 700);
    }
};

QTEST_MAIN(TestStationSaveGui)
#include "tst_station_save_gui.moc"
