// The instrument manager window over a running station: status light and state per instrument, the traffic
// log in hex and text, and adding, editing and removing instruments through the form.
#include "DriverFactory.h"
#include "InstrumentManagerWindow.h"
#include "PtyPeer.h"
#include "StationEditor.h"
#include "StationInstruments.h"
#include "TrafficLog.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

namespace {
StationConfig balanceStation(const QString &port)
{
    InstrumentConfig balance = DriverFactory::probeDefaults(QStringLiteral("mt-sics"));
    balance.name = QStringLiteral("Balance");
    balance.port = port;
    balance.pollPeriodMs = 100;
    balance.timeoutMs = 200;
    StationConfig station;
    station.name = QStringLiteral("t");
    station.instruments = {balance};
    return station;
}
// Edits are a supervisor's.
Actor supervisor()
{
    return {QStringLiteral("sue"), Role::Supervisor};
}
QPushButton *button(QWidget *window, const QString &text)
{
    for (QPushButton *b : window->findChildren<QPushButton *>())
        if (b->text() == text)
            return b;
    return nullptr;
}
} // namespace

class TestInstrumentManager : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsStateAndTraffic()
    {
        PtyPeer peer;
        StationInstruments instruments(balanceStation(peer.path()));
        StationEditor editor(&instruments, supervisor);
        InstrumentManagerWindow window(&editor);
        window.show();
        instruments.connectAll();
        auto *table = window.findChild<QTableWidget *>();
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 1);
        QTRY_COMPARE(table->item(0, 4)->text(), linkStateName(LinkState::Connected));
        QVERIFY(!table->item(0, 0)->icon().isNull());
        QVERIFY(peer.expectRequest("I4\r\n"));
        auto *log = window.findChild<TrafficLog *>();
        QTRY_VERIFY(log->toPlainText().contains(QStringLiteral("Balance >> 49 34 0d 0a | I4\\r\\n")));
        peer.send("I4 A \"X1\"\r\n");
        QTRY_VERIFY(log->toPlainText().contains(QStringLiteral("<< 49 34 20 41")));
        instruments.closeAll();
        QTRY_COMPARE(table->item(0, 4)->text(), linkStateName(LinkState::Disconnected));
    }

    void addEditRemoveThroughTheForm()
    {
        PtyPeer first, second;
        StationInstruments instruments(balanceStation(first.path()));
        StationEditor editor(&instruments, supervisor);
        InstrumentManagerWindow window(&editor);
        window.show();
        auto *table = window.findChild<QTableWidget *>();
        auto *name = window.findChildren<QLineEdit *>().first();
        auto *port = window.findChildren<QComboBox *>().at(1);
        auto *driver = window.findChildren<QComboBox *>().at(0);

        name->setText(QStringLiteral("Pump"));
        driver->setCurrentText(QStringLiteral("reglo-icc"));
        port->setCurrentText(second.path()); // a pty is typed: it is never in the system's port list
        button(&window, QStringLiteral("Add"))->click();
        QTRY_COMPARE(table->rowCount(), 2);
        QCOMPARE(instruments.driver(QStringLiteral("Pump"))->driverId(), QStringLiteral("reglo-icc"));
        QVERIFY(second.expectRequest("1xE0\r")); // it connected to the typed path

        table->selectRow(1);
        name->setText(QStringLiteral("Feed pump"));
        button(&window, QStringLiteral("Apply to selected"))->click();
        QTRY_VERIFY(instruments.driver(QStringLiteral("Feed pump")));
        QVERIFY(!instruments.driver(QStringLiteral("Pump")));

        table->selectRow(0);
        button(&window, QStringLiteral("Remove selected"))->click();
        QTRY_COMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Feed pump"));
        instruments.closeAll();
    }
};

QTEST_MAIN(TestInstrumentManager)
#include "tst_instruments_manager.moc"
