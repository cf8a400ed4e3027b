// reactordesk-cli users as a real process, for the operations beyond add/unlock/set-role: reset-password and
// the change at the next sign-in (passwd), disable/enable, the last admin, the state column of `list`, and no
// password in any output.
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

class Cli
{
public:
    explicit Cli(const QString &store) : m_store(store) {}
    Run operator()(const QStringList &arguments, const QByteArray &stdinText) const
    {
        QProcess process;
        process.start(QStringLiteral(RD_CLI_PATH),
                      QStringList{QStringLiteral("users"), QStringLiteral("--store"), m_store} + arguments);
        process.write(stdinText);
        process.closeWriteChannel();
        if (!process.waitForFinished(20000))
            return {-1, {}, "timeout"};
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }
    Run admin(const QStringList &arguments, const QByteArray &stdinText) const
    {
        return (*this)(QStringList{QStringLiteral("--admin"), QStringLiteral("ada")} + arguments,
                       "adminpass1\n" + stdinText);
    }

private:
    QString m_store;
};
} // namespace

class TestUsersCliManage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manageAccounts()
    {
        QTemporaryDir dir;
        const Cli cli(dir.filePath(QStringLiteral("users.sqlite")));
        QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("ada")}, "adminpass1\n").exitCode, 0);
        QCOMPARE(cli.admin({QStringLiteral("add"), QStringLiteral("bob"), QStringLiteral("Operator")},
                           "bobspass1\n")
                     .exitCode,
                 0);
        // A new account signs in only after replacing the password the admin chose.
        QVERIFY(cli({QStringLiteral("list")}, {}).out.contains("bob\tOperator\tmust-change-password\tnever"));
        Run r = cli({QStringLiteral("--admin"), QStringLiteral("bob"), QStringLiteral("unlock"),
                     QStringLiteral("bob")},
                    "bobspass1\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("choose a new password"));
        r = cli.admin({QStringLiteral("add"), QStringLiteral("carl"), QStringLiteral("Viewer")},
                      "abcdefghij\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("mix letters"));

        // The last admin stays an admin.
        r = cli.admin({QStringLiteral("set-role"), QStringLiteral("ada"), QStringLiteral("Operator")}, {});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("last active admin"));
        QVERIFY(r.out.contains("refused"));
        QCOMPARE(cli.admin({QStringLiteral("disable"), QStringLiteral("ada")}, {}).exitCode, 1);

        // Reset: the user must change the password before signing in.
        r = cli.admin({QStringLiteral("reset-password"), QStringLiteral("bob")}, "temppass1\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("password reset"));
        r = cli({QStringLiteral("list")}, {});
        QVERIFY(r.out.contains("bob\tOperator\tmust-change-password\tnever"));
        r = cli({QStringLiteral("--admin"), QStringLiteral("bob"), QStringLiteral("unlock"),
                 QStringLiteral("bob")},
                "temppass1\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("choose a new password"));
        r = cli({QStringLiteral("passwd"), QStringLiteral("bob")}, "temppass1\nbobs-own-1\n");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("password changed"));
        r = cli({QStringLiteral("list")}, {});
        QVERIFY(r.out.contains("bob\tOperator\tactive\t20")); // signed in now: a UTC time

        // Disabled accounts cannot sign in, and stay listed.
        QCOMPARE(cli.admin({QStringLiteral("disable"), QStringLiteral("bob")}, {}).exitCode, 0);
        r = cli({QStringLiteral("passwd"), QStringLiteral("bob")}, "bobs-own-1\nbobs-own-2\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("disabled"));
        QVERIFY(cli({QStringLiteral("list")}, {}).out.contains("bob\tOperator\tdisabled"));
        QCOMPARE(cli.admin({QStringLiteral("enable"), QStringLiteral("bob")}, {}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("passwd"), QStringLiteral("bob")}, "bobs-own-1\nbobs-own-2\n").exitCode,
                 0);
        QCOMPARE(cli.admin({QStringLiteral("disable"), QStringLiteral("ghost")}, {}).exitCode, 1);
    }

    void passwordsNeverPrinted()
    {
        QTemporaryDir dir;
        const Cli cli(dir.filePath(QStringLiteral("users.sqlite")));
        QByteArray all;
        for (const Run &r :
             {cli({QStringLiteral("init"), QStringLiteral("ada")}, "adminpass1\n"),
              cli.admin({QStringLiteral("add"), QStringLiteral("bob"), QStringLiteral("Viewer")},
                        "bobspass1\n"),
              cli.admin({QStringLiteral("reset-password"), QStringLiteral("bob")}, "temppass1\n"),
              cli({QStringLiteral("passwd"), QStringLiteral("bob")}, "wrongpass1\nbobs-own-1\n"),
              cli({QStringLiteral("passwd"), QStringLiteral("bob")}, "temppass1\nbobs-own-1\n"),
              cli({QStringLiteral("list")}, {})})
            all += r.out + r.err;
        QVERIFY(all.contains("password changed"));
        for (const char *secret :
             {"adminpass1", "bobspass1", "temppass1", "wrongpass1", "bobs-own-1", "pbkdf2"})
            QVERIFY2(!all.contains(secret), secret);
    }
};

QTEST_GUILESS_MAIN(TestUsersCliManage)
#include "tst_users_cli_manage.moc"
