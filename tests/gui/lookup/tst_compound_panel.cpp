// CompoundPanel offscreen against the loopback server: typed names fill the rows as results arrive (done, not
// found, ambiguous, retrying then done, error with the reason), the progress bar follows, cancel ends pending
// rows, the table copies as CSV and saves as CSV (written in the pool), and the calculator converts with the
// picked compound's molecular weight.
#include "CompoundPanel.h"
#include "CompoundTableModel.h"
#include "FakePubChemServer.h"
#include "FeedCalculator.h"
#include "PubChemClient.h"

#include <QApplication>
#include <QClipboard>
#include <QDoubleSpinBox>
#include <QFile>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using Behaviour = FakePubChemServer::Behaviour;

class TestCompoundPanel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakePubChemServer> m_server;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<PubChemClient> m_client;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakePubChemServer>(QStringLiteral(RD_PUBCHEM_FIXTURES));
        QVERIFY(m_server->listen());
        m_limiter = std::make_unique<RateLimiter>();
        PubChemClient::Config config;
        config.baseUrl = m_server->baseUrl();
        config.retry.baseDelayMs = 50;
        m_client = std::make_unique<PubChemClient>(config, nullptr, m_limiter.get());
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void typedNamesFillRowsWithEveryStatus()
    {
        m_server->script(QStringLiteral("water"), {Behaviour::Busy503Html});
        m_server->script(QStringLiteral("bad"), {Behaviour::BadRequest400});
        CompoundPanel panel(m_client.get());
        panel.show();
        auto *names = panel.findChild<QPlainTextEdit *>(QStringLiteral("names"));
        auto *progress = panel.findChild<QProgressBar *>(QStringLiteral("progress"));
        auto *lookUp = panel.findChild<QPushButton *>(QStringLiteral("lookUp"));
        names->setPlainText(QStringLiteral("glucose\nunobtainium\n50-78-2\nwater\tbad\n\nglucose\n"));
        CompoundTableModel *model = panel.model();
        QStringList seenWaterStatuses;
        connect(model, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex &topLeft) {
            if (topLeft.row() == 3)
                seenWaterStatuses.append(model->statusText(3));
        });
        QSignalSpy finished(&panel, &CompoundPanel::lookupFinished);
        QTest::mouseClick(lookUp, Qt::LeftButton);
        QCOMPARE(model->rowCount(), 5); // blank line and the repeated name dropped
        QVERIFY(!lookUp->isEnabled());
        QVERIFY(finished.wait(10000));
        QCOMPARE(progress->value(), 5);
        QCOMPARE(progress->maximum(), 5);
        QCOMPARE(model->statusText(0), QStringLiteral("done"));
        QCOMPARE(model->data(model->index(0, CompoundTableModel::WeightColumn)).toString(),
                 QStringLiteral("180.16"));
        QCOMPARE(model->statusText(1), QStringLiteral("not found"));
        QCOMPARE(model->statusText(2), QStringLiteral("ambiguous"));
        QCOMPARE(model->data(model->index(2, CompoundTableModel::CidColumn)).toString(),
                 QStringLiteral("2244; 67252; 3434975; 12280114"));
        QCOMPARE(seenWaterStatuses.first(), QStringLiteral("retrying"));
        QCOMPARE(model->statusText(3), QStringLiteral("done"));
        QCOMPARE(model->statusText(4), QStringLiteral("error"));
        QVERIFY(model->data(model->index(4, CompoundTableModel::DetailColumn))
                    .toString()
                    .contains(QStringLiteral("PUGREST.BadRequest")));
        QVERIFY(lookUp->isEnabled());

        panel.copyCsv();
        const QStringList csv =
            QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(csv.size(), 6);
        QVERIFY(csv.at(0).startsWith(QStringLiteral("Name,Status,CID,Formula")));
        QVERIFY2(csv.at(1).startsWith(QStringLiteral("glucose,done,5793,C6H12O6,180.16,")),
                 qPrintable(csv.at(1)));

        // Saved in the thread pool: the file holds the same CSV once csvSaved says so.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("compounds.csv"));
        QSignalSpy saved(&panel, &CompoundPanel::csvSaved);
        panel.saveCsvTo(path);
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.first().at(0).toString(), path);
        QVERIFY2(saved.first().at(1).toString().isEmpty(), qPrintable(saved.first().at(1).toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), model->toCsv());
        // A folder that does not exist: the error comes back, and nothing is left behind.
        const QString unwritable = dir.filePath(QStringLiteral("missing/compounds.csv"));
        panel.saveCsvTo(unwritable);
        QVERIFY(saved.wait(10000));
        QVERIFY(!saved.last().at(1).toString().isEmpty());
        QVERIFY(!QFile::exists(unwritable));
    }

    void calculatorUsesThePickedCompound()
    {
        CompoundPanel panel(m_client.get());
        panel.show();
        QSignalSpy finished(&panel, &CompoundPanel::lookupFinished);
        panel.lookUp({QStringLiteral("ethanol"), QStringLiteral("glucose")});
        QVERIFY(finished.wait(10000));
        auto *table = panel.findChild<QTableView *>(QStringLiteral("table"));
        auto *useAsFeed = panel.findChild<QPushButton *>(QStringLiteral("useAsFeed"));
        QVERIFY(!useAsFeed->isEnabled()); // nothing picked yet
        table->selectRow(1);
        QVERIFY(useAsFeed->isEnabled());
        FeedCalculator *calculator = panel.calculator();
        calculator->setGramsPerLitre(500.0);
        QCOMPARE(qRound(calculator->millimolar() * 10), 27753); // 500 g/L / 180.16 g/mol
        calculator->setMillimolar(1000.0);
        QVERIFY(qAbs(calculator->gramsPerLitre() - 180.16) < 1e-3);
        QSignalSpy chosen(&panel, &CompoundPanel::substrateConcentrationChosen);
        QTest::mouseClick(useAsFeed, Qt::LeftButton);
        QCOMPARE(chosen.count(), 1);
        QVERIFY(qAbs(chosen.first().first().toDouble() - 180.16) < 1e-3);
    }

    void synonymsOnDemand()
    {
        CompoundPanel panel(m_client.get());
        panel.show();
        QSignalSpy finished(&panel, &CompoundPanel::lookupFinished);
        panel.lookUp({QStringLiteral("estriol"), QStringLiteral("ethanol")});
        QVERIFY(finished.wait(10000));
        auto *table = panel.findChild<QTableView *>(QStringLiteral("table"));
        auto *button = panel.findChild<QPushButton *>(QStringLiteral("showSynonyms"));
        auto *synonyms = panel.findChild<QPlainTextEdit *>(QStringLiteral("synonyms"));
        QVERIFY(!button->isEnabled());
        table->selectRow(0);
        QVERIFY(button->isEnabled());
        const int requestsBefore = m_server->requestCount();
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            synonyms->toPlainText().startsWith(QStringLiteral("estriol\n50-27-1\nOestriol")), 5000);
        QCOMPARE(m_server->requestCount(), requestsBefore + 1);
        table->selectRow(1); // the server has no synonyms for ethanol
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(synonyms->toPlainText().contains(QStringLiteral("not found")), 5000);
    }

    void cancelEndsPendingRows()
    {
        m_server->setLatencyMs(500);
        CompoundPanel panel(m_client.get());
        QStringList names;
        for (int i = 0; i < 12; ++i)
            names.append(QStringLiteral("compound-%1").arg(i));
        QSignalSpy finished(&panel, &CompoundPanel::lookupFinished);
        panel.lookUp(names);
        QVERIFY(panel.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(m_server->requestCount() >= 1, 3000);
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("cancel")), Qt::LeftButton);
        QCOMPARE(finished.count(), 1);
        QVERIFY(!panel.isBusy());
        for (int i = 0; i < 12; ++i)
            QCOMPARE(panel.model()->statusText(i), QStringLiteral("cancelled"));
    }

    void namesFromPastedText()
    {
        QCOMPARE(CompoundPanel::namesFromText(
                     QStringLiteral(" 1,2-propanediol \r\nGlycerol;glycerol\tammonium sulfate")),
                 (QStringList{"1,2-propanediol", "Glycerol", "ammonium sulfate"}));
    }
};

QTEST_MAIN(TestCompoundPanel)
#include "tst_compound_panel.moc"
