// Users and roles: the permission matrix as a full table, enforcement below the UI (FeedController,
// ActuatorControl, stop-all, alarms, user management) with every refusal audited, PBKDF2 password storage in
// SQLite (no plain text), and lockout after five failed sign-ins.
#include "ActuatorBank.h"
#include "AlarmManager.h"
#include "ManualMode.h"
#include "PasswordHash.h"
#include "PermissionMatrix.h"
#include "UserSession.h"
#include "UserStore.h"
#include "VirtualClock.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(Role)
Q_DECLARE_METATYPE(Permission)

class TestRoles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matrix_data()
    {
        QTest::addColumn<Role>("role");
        QTest::addColumn<Permission>("permission");
        QTest::addColumn<bool>("allowed");
        const Permission permissions[] = {Permission::ViewProcess,         Permission::OperateProcess,
                                          Permission::AcknowledgeAlarms,   Permission::ShelveAlarms,
                                          Permission::ChangeAlarmSettings, Permission::ChangeLimits,
                                          Permission::ManageUsers};
        // Rows: Viewer, Operator, Supervisor, Admin; columns in the order above.
        const bool expected[4][7] = {{true, false, false, false, false, false, false},
                                     {true, true, true, true, false, false, false},
                                     {true, true, true, true, true, true, false},
                                     {true, true, true, true, true, true, true}};
        const Role roles[] = {Role::Viewer, Role::Operator, Role::Supervisor, Role::Admin};
        for (int r = 0; r < 4; ++r)
            for (int p = 0; p < 7; ++p)
                QTest::newRow(
                    qPrintable(roleName(roles[r]) + QLatin1Char('/') + permissionName(permissions[p])))
                    << roles[r] << permissions[p] << expected[r][p];
    }

    void matrix()
    {
        QFETCH(Role, role);
        QFETCH(Permission, permission);
        QFETCH(bool, allowed);
        QCOMPARE(PermissionMatrix::allows(role, permission), allowed);
    }

    void enforcedBelowTheUiAndEveryRefusalAudited()
    {
        VirtualClock clock(0);
        int sent = 0;
        FeedController feed(
            QStringLiteral("feed_pump"), ActuatorLimits{0, 100, 0, QStringLiteral("mL/h"), 0},
            [&sent](double, std::function<void(bool, const QString &)> done) {
                ++sent;
                done(true, {});
            },
            &clock);
        ProcessValues values;
        ActuatorControl control(&feed, &values, &clock);
        ActuatorBank bank;
        bank.add(&control);
        AlarmManager alarms(&clock);
        AlarmDefinition d;
        d.id = QStringLiteral("a");
        alarms.addAlarm(d);
        alarms.setCondition(d.id, true);

        QList<AuditEntry> refusals;
        auto collect = [&refusals](const AuditEntry &e) {
            if (e.reason.startsWith(QStringLiteral("refused")))
                refusals.append(e);
        };
        connect(&feed, &FeedController::refused, this, collect);
        connect(&feed, &FeedController::audited, this, collect);
        connect(&control, &ActuatorControl::audited, this, collect);
        connect(&bank, &ActuatorBank::audited, this, collect);
        connect(&alarms, &AlarmManager::audited, this, collect);

        const Actor viewer{QStringLiteral("vic"), Role::Viewer};
        QVERIFY(!feed.setRate(10, viewer, {}).isEmpty());
        QVERIFY(!control.setManualRate(10, viewer).isEmpty());
        QVERIFY(!control.setMode(std::make_unique<ManualMode>(), viewer).isEmpty());
        QVERIFY(!bank.stopAll(viewer, QStringLiteral("x")).isEmpty());
        QVERIFY(!alarms.acknowledge(d.id, viewer).isEmpty());
        QVERIFY(!alarms.shelve(d.id, viewer, QStringLiteral("r"), 1000).isEmpty());
        QCOMPARE(sent, 0);
        QCOMPARE(refusals.size(), 6);
        for (const AuditEntry &e : refusals) {
            QCOMPARE(e.user, QStringLiteral("vic"));
            QCOMPARE(e.role, QStringLiteral("Viewer"));
        }

        const Actor operatorActor{QStringLiteral("olga"), Role::Operator};
        QVERIFY(control.setManualRate(10, operatorActor).isEmpty());
        QVERIFY(!feed.changeLimits(ActuatorLimits{0, 500, 0, QStringLiteral("mL/h"), 0}, operatorActor, {})
                     .isEmpty());
        QVERIFY(!alarms.removeFromService(d.id, operatorActor, QStringLiteral("r")).isEmpty());
        QCOMPARE(refusals.size(), 8);
        const Actor supervisor{QStringLiteral("sam"), Role::Supervisor};
        QVERIFY(
            feed.changeLimits(ActuatorLimits{0, 80, 0, QStringLiteral("mL/h"), 0}, supervisor, {}).isEmpty());
        QCOMPARE(feed.limits().maximum, 80.0);
        // Not even a supervisor goes beyond the station's hard range; the refusal is audited.
        const QString wider =
            feed.changeLimits(ActuatorLimits{0, 500, 0, QStringLiteral("mL/h"), 0}, supervisor, {});
        QVERIFY2(wider.contains(QStringLiteral("0..100")), qPrintable(wider));
        QCOMPARE(feed.limits().maximum, 80.0);
        QCOMPARE(refusals.size(), 9);
        QCOMPARE(refusals.last().user, QStringLiteral("sam"));
        QVERIFY(refusals.last().reason.startsWith(QStringLiteral("refused: ")));
        QVERIFY(bank.stopAll(operatorActor, QStringLiteral("end of run")).isEmpty());
        QCOMPARE(feed.commandedRate(), 0.0);
        QCOMPARE(refusals.size(), 9);
    }

    void passwordsAreSaltedPbkdf2()
    {
        const QString a = PasswordHash::create(QStringLiteral("correct horse"), 1000);
        const QString b = PasswordHash::create(QStringLiteral("correct horse"), 1000);
        QVERIFY(a.startsWith(QStringLiteral("pbkdf2-sha256$1000$")));
        QVERIFY(a != b); // salted
        QVERIFY(PasswordHash::verify(QStringLiteral("correct horse"), a));
        QVERIFY(!PasswordHash::verify(QStringLiteral("correct horsE"), a));
        QVERIFY(!PasswordHash::verify(QStringLiteral("x"), QStringLiteral("plain")));
    }

    void userStoreLocksOutAfterFiveFailures()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("users.sqlite"));
        UserStore store(path, 60000);
        QVERIFY(store.isEmpty());
        const Actor nobody;
        // The first account is always an admin, whoever creates it.
        UserStoreResult created =
            store.createUser(nobody, QStringLiteral("ada"), QStringLiteral("s3cret-pass"), Role::Viewer);
        QVERIFY2(created.ok(), qPrintable(created.error));
        QCOMPARE(store.accounts().value(0).role, Role::Admin);
        // Later ones need an admin.
        QVERIFY(!store.createUser(nobody, QStringLiteral("bob"), QStringLiteral("password1"), Role::Operator)
                     .ok());
        const Actor admin{QStringLiteral("ada"), Role::Admin};
        QVERIFY(
            !store.createUser(admin, QStringLiteral("bob"), QStringLiteral("short"), Role::Operator).ok());
        QVERIFY(
            !store.createUser(admin, QStringLiteral("bad name"), QStringLiteral("password1"), Role::Operator)
                 .ok());
        QVERIFY(
            store.createUser(admin, QStringLiteral("bob"), QStringLiteral("initial-1"), Role::Operator).ok());

        qint64 now = 1000000;
        // A new account replaces the password the admin chose before it can sign in.
        QCOMPARE(store
                     .changePassword(QStringLiteral("bob"), QStringLiteral("initial-1"),
                                     QStringLiteral("password1"), now)
                     .outcome,
                 SignInResult::Outcome::SignedIn);
        for (int attempt = 1; attempt <= 4; ++attempt) {
            const SignInResult r = store.signIn(QStringLiteral("bob"), QStringLiteral("wrong"), now);
            QCOMPARE(r.outcome, SignInResult::Outcome::Refused);
            QCOMPARE(r.attemptsLeft, 5 - attempt);
            QCOMPARE(r.audit.size(), 1);
        }
        QCOMPARE(store.signIn(QStringLiteral("bob"), QStringLiteral("wrong"), now).outcome,
                 SignInResult::Outcome::LockedOut);
        // Locked: even the right password is refused until the lockout ends or an admin unlocks.
        const SignInResult locked =
            store.signIn(QStringLiteral("bob"), QStringLiteral("password1"), now + 1000);
        QCOMPARE(locked.outcome, SignInResult::Outcome::LockedOut);
        QVERIFY(locked.audit.at(0).reason.contains(QStringLiteral("locked")));
        QCOMPARE(store.signIn(QStringLiteral("bob"), QStringLiteral("password1"), now + 61000).outcome,
                 SignInResult::Outcome::SignedIn);

        for (int attempt = 0; attempt < 5; ++attempt)
            store.signIn(QStringLiteral("bob"), QStringLiteral("wrong"), now + 70000);
        QVERIFY(!store.unlock({QStringLiteral("bob"), Role::Operator}, QStringLiteral("bob")).ok());
        QVERIFY(store.unlock(admin, QStringLiteral("bob")).ok());
        const SignInResult ok = store.signIn(QStringLiteral("bob"), QStringLiteral("password1"), now + 70001);
        QCOMPARE(ok.outcome, SignInResult::Outcome::SignedIn);
        QCOMPARE(ok.actor.role, Role::Operator);
        QCOMPARE(store.signIn(QStringLiteral("nobody"), QStringLiteral("x"), now).outcome,
                 SignInResult::Outcome::Refused);

        // Neither password appears anywhere in the database file or its WAL.
        QByteArray bytes;
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile file(path + suffix);
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains("s3cret-pass"));
        QVERIFY(!bytes.contains("password1"));
        QVERIFY(bytes.contains("pbkdf2-sha256"));
    }

    void sessionSignsInOffTheGuiThreadAndAudits()
    {
        QTemporaryDir dir;
        UserStore store(dir.filePath(QStringLiteral("users.sqlite")));
        QVERIFY(store.createUser({}, QStringLiteral("ada"), QStringLiteral("s3cret-pass"), Role::Admin).ok());
        UserSession session(&store);
        QCOMPARE(session.actor().role, Role::Viewer);
        QSignalSpy changed(&session, &UserSession::actorChanged);
        QSignalSpy refused(&session, &UserSession::signInRefused);
        QSignalSpy audited(&session, &UserSession::audited);
        session.signIn(QStringLiteral("ada"), QStringLiteral("nope-nope"));
        QVERIFY(refused.wait(10000));
        session.signIn(QStringLiteral("ada"), QStringLiteral("s3cret-pass"));
        QVERIFY(changed.wait(10000));
        QCOMPARE(session.actor().user, QStringLiteral("ada"));
        QCOMPARE(session.actor().role, Role::Admin);
        for (const QList<QVariant> &args : audited)
            QVERIFY(!args.at(0).value<AuditEntry>().newValue.contains(QStringLiteral("s3cret")));
        session.signOut();
        QCOMPARE(session.actor().role, Role::Viewer);
        session.signInDemoOperator();
        QCOMPARE(session.actor().role, Role::Operator);
        QVERIFY(audited.last().at(0).value<AuditEntry>().reason.contains(QStringLiteral("demo")));
    }
};

QTEST_GUILESS_MAIN(TestRoles)
#include "tst_roles.moc"
