// reactordesk-cli users as a real process: first admin, an admin adding an operator, a refused non-admin, the
// lockout, and no password on stdout/stderr or in the store.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run
{
    int exitCode;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &arguments, const QByteArray &stdinText)
{
    QProcess process;
    process.start(QStringLiteral(RD_CLI_PATH), QStringList{QStringLiteral("users")} + arguments);
    process.write(stdinText);
    process.closeWriteChannel();
    if (!process.waitForFinished(20000))
        return {-1, {}, "timeout"};
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}
} // namespace

class TestUsersCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manageAccounts()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("users.sqlite"));
        const QStringList s{QStringLiteral("--store"), store};
        Run r = cli(s + QStringList{QStringLiteral("init"), QStringLiteral("ada")}, "adminpass1\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("first admin account"));
        r = cli(s + QStringList{QStringLiteral("init"), QStringLiteral("eve")}, "evepass123\n");
        QCOMPARE(r.exitCode, 1); // only on an empty store
        r = cli(s + QStringList{QStringLiteral("--admin"), QStringLiteral("ada"), QStringLiteral("add"),
                                QStringLiteral("bob"), QStringLiteral("Operator")},
                "adminpass1\ninitial-1\n");
        QCOMPARE(r.exitCode, 0);
        // bob replaces the initial password ada chose before he can act.
        QCOMPARE(
            cli(s + QStringList{QStringLiteral("passwd"), QStringLiteral("bob")}, "initial-1\nbobspass1\n")
                .exitCode,
            0);
        r = cli(s + QStringList{QStringLiteral("--admin"), QStringLiteral("bob"), QStringLiteral("add"),
                                QStringLiteral("eve"), QStringLiteral("Admin")},
                "bobspass1\nevepass123\n");
        QCOMPARE(r.exitCode, 1); // bob signs in but is no admin: refused and audited
        QVERIFY(r.out.contains("refused"));
        for (int i = 0; i < 5; ++i)
            cli(s + QStringList{QStringLiteral("--admin"), QStringLiteral("bob"), QStringLiteral("unlock"),
                                QStringLiteral("bob")},
                "wrong\n");
        r = cli(s + QStringList{QStringLiteral("list")}, {});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("ada\tAdmin"));
        QVERIFY(r.out.contains("bob\tOperator\tlocked"));
        r = cli(s + QStringList{QStringLiteral("--admin"), QStringLiteral("ada"), QStringLiteral("unlock"),
                                QStringLiteral("bob")},
                "adminpass1\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!cli(s + QStringList{QStringLiteral("list")}, {}).out.contains("locked"));
        QFile file(store);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.contains("adminpass1") && !bytes.contains("bobspass1"));
    }
};

QTEST_GUILESS_MAIN(TestUsersCli)
#include "tst_users_cli.moc"
