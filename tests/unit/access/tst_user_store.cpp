// UserStore's account management below the UI: the ManageUsers row of the permission matrix for every
// operation (refusals audited, nothing changed), the password strength rule, role changes, the last active
// admin, password reset with the change at the next sign-in, disabled accounts, the user's own password
// change, last sign-in, no password or hash in any audit entry, and a store file of the first version.
#include "PasswordHash.h"
#include "PasswordRule.h"
#include "UserStore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

Q_DECLARE_METATYPE(Role)

namespace {
const QString adminPassword = QStringLiteral("s3cret-pass");
const QString bobPassword = QStringLiteral("password1");
const Actor ada{QStringLiteral("ada"), Role::Admin};
constexpr qint64 now = 2000000000000;

const QString bobInitialPassword = QStringLiteral("initial-1");

// A store with the admin ada and the operator bob, who has replaced his initial password (signing in before
// `now`, so tests see whether `now` changes his last sign-in).
struct Accounts
{
    QTemporaryDir dir;
    UserStore store{dir.filePath(QStringLiteral("users.sqlite")), 60000};
    Accounts()
    {
        QVERIFY(store.createUser({}, ada.user, adminPassword, Role::Admin).ok());
        QVERIFY(store.createUser(ada, QStringLiteral("bob"), bobInitialPassword, Role::Operator).ok());
        QCOMPARE(
            store.changePassword(QStringLiteral("bob"), bobInitialPassword, bobPassword, now - 1000).outcome,
            SignInResult::Outcome::SignedIn);
    }
    UserAccount account(const QString &name) const
    {
        for (const UserAccount &a : store.accounts())
            if (a.name == name)
                return a;
        return {};
    }
};

bool anyAuditContains(const QList<AuditEntry> &entries, const QString &text)
{
    for (const AuditEntry &e : entries)
        for (const QString &field : {e.user, e.role, e.object, e.oldValue, e.newValue, e.reason})
            if (field.contains(text, Qt::CaseInsensitive))
                return true;
    return false;
}
} // namespace

class TestUserStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void onlyAdminsManageUsers_data()
    {
        QTest::addColumn<Role>("role");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("viewer") << Role::Viewer << false;
        QTest::newRow("operator") << Role::Operator << false;
        QTest::newRow("supervisor") << Role::Supervisor << false;
        QTest::newRow("admin") << Role::Admin << true;
    }
    void onlyAdminsManageUsers()
    {
        QFETCH(Role, role);
        QFETCH(bool, allowed);
        Accounts accounts;
        QVERIFY(
            accounts.store.createUser(ada, QStringLiteral("carl"), QStringLiteral("carl-pass-1"), Role::Admin)
                .ok());
        const Actor by{QStringLiteral("someone"), role};
        const QList<std::function<UserStoreResult()>> operations{
            [&] {
                return accounts.store.createUser(by, QStringLiteral("dora"), QStringLiteral("dora-pass-1"),
                                                 Role::Viewer);
            },
            [&] { return accounts.store.setRole(by, QStringLiteral("bob"), Role::Supervisor); },
            [&] {
                return accounts.store.resetPassword(by, QStringLiteral("bob"), QStringLiteral("temp-pass-1"));
            },
            [&] { return accounts.store.unlock(by, QStringLiteral("bob")); },
            [&] { return accounts.store.setDisabled(by, QStringLiteral("carl"), true); },
            [&] { return accounts.store.setDisabled(by, QStringLiteral("carl"), false); },
        };
        for (const auto &operation : operations) {
            const UserStoreResult result = operation();
            QCOMPARE(result.ok(), allowed);
            QCOMPARE(result.audit.size(), 1); // a change or a refusal: always one entry
            QCOMPARE(result.audit.first().user, QStringLiteral("someone"));
            QCOMPARE(result.audit.first().reason.startsWith(QStringLiteral("refused")), !allowed);
            if (!allowed)
                QVERIFY(result.error.contains(QStringLiteral("manage users")));
        }
        // Refused operations changed nothing.
        QCOMPARE(accounts.store.accounts().size(), allowed ? 4 : 3);
        QCOMPARE(accounts.account(QStringLiteral("bob")).role, allowed ? Role::Supervisor : Role::Operator);
        QCOMPARE(accounts.account(QStringLiteral("bob")).mustChangePassword, allowed);
    }

    void passwordStrength_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("problem");
        QTest::newRow("short") << QStringLiteral("ab1") << QStringLiteral("at least 8");
        QTest::newRow("letters only") << QStringLiteral("abcdefghij") << QStringLiteral("mix letters");
        QTest::newRow("digits only") << QStringLiteral("1234567890") << QStringLiteral("mix letters");
        QTest::newRow("user name") << QStringLiteral("DORA") << QStringLiteral("at least 8");
        QTest::newRow("mixed") << QStringLiteral("Dora.2024") << QString();
        QTest::newRow("good") << QStringLiteral("pH 7.2 stable") << QString();
    }
    void passwordStrength()
    {
        QFETCH(QString, password);
        QFETCH(QString, problem);
        const QString error = PasswordRule::problem(QStringLiteral("dora"), password);
        QCOMPARE(error.isEmpty(), problem.isEmpty());
        QVERIFY2(error.contains(problem), qPrintable(error));
        QVERIFY(!error.contains(password)); // the error never repeats the password
        QVERIFY(PasswordRule::problem(QStringLiteral("bob.2024"), QStringLiteral("BOB.2024"))
                    .contains(QStringLiteral("user name")));
    }

    void everyNewPasswordPassesTheRule()
    {
        Accounts accounts;
        const QString weak = QStringLiteral("abcdefghij");
        QVERIFY(accounts.store.createUser(ada, QStringLiteral("dora"), weak, Role::Viewer)
                    .error.contains(QStringLiteral("mix letters")));
        QVERIFY(accounts.store.resetPassword(ada, QStringLiteral("bob"), weak)
                    .error.contains(QStringLiteral("mix letters")));
        QVERIFY(!accounts.account(QStringLiteral("bob")).mustChangePassword); // nothing changed
        QCOMPARE(accounts.store.changePassword(QStringLiteral("bob"), bobPassword, weak, now).outcome,
                 SignInResult::Outcome::Refused);
        QCOMPARE(accounts.store.accounts().size(), 2);
    }

    void roleChangeIsAudited()
    {
        Accounts accounts;
        const UserStoreResult changed = accounts.store.setRole(ada, QStringLiteral("bob"), Role::Supervisor);
        QVERIFY2(changed.ok(), qPrintable(changed.error));
        QCOMPARE(changed.audit.first().object, QStringLiteral("user.bob"));
        QCOMPARE(changed.audit.first().oldValue, QStringLiteral("Operator"));
        QCOMPARE(changed.audit.first().newValue, QStringLiteral("Supervisor"));
        QCOMPARE(accounts.account(QStringLiteral("bob")).role, Role::Supervisor);
        const UserStoreResult ghost = accounts.store.setRole(ada, QStringLiteral("ghost"), Role::Viewer);
        QVERIFY(ghost.error.contains(QStringLiteral("no user ghost")));
        QVERIFY(ghost.audit.first().reason.startsWith(QStringLiteral("refused")));
    }

    void lastActiveAdminStays()
    {
        Accounts accounts;
        UserStoreResult r = accounts.store.setRole(ada, ada.user, Role::Supervisor);
        QVERIFY(r.error.contains(QStringLiteral("last active admin")));
        QVERIFY(r.audit.first().reason.contains(QStringLiteral("last active admin")));
        r = accounts.store.setDisabled(ada, ada.user, true);
        QVERIFY(r.error.contains(QStringLiteral("last active admin")));
        QCOMPARE(accounts.account(ada.user).role, Role::Admin);
        QVERIFY(!accounts.account(ada.user).disabled);
        QVERIFY(accounts.store.setRole(ada, ada.user, Role::Admin).ok()); // staying admin is fine

        // A disabled admin is not an active one.
        QVERIFY(accounts.store.setRole(ada, QStringLiteral("bob"), Role::Admin).ok());
        QVERIFY(accounts.store.setDisabled(ada, QStringLiteral("bob"), true).ok());
        QVERIFY(!accounts.store.setRole(ada, ada.user, Role::Operator).ok());
        QVERIFY(accounts.store.setDisabled(ada, QStringLiteral("bob"), false).ok());
        // With two active admins one may go; then the other is the last.
        QVERIFY(accounts.store.setRole(ada, ada.user, Role::Operator).ok());
        const Actor bob{QStringLiteral("bob"), Role::Admin};
        QVERIFY(!accounts.store.setDisabled(bob, QStringLiteral("bob"), true).ok());
        QVERIFY(!accounts.store.setRole(bob, QStringLiteral("bob"), Role::Viewer).ok());
    }

    void newAccountsChangeTheirPasswordAtFirstSignIn()
    {
        QTemporaryDir dir;
        UserStore store(dir.filePath(QStringLiteral("users.sqlite")));
        // The first admin chose their own password: no change required.
        const UserStoreResult first = store.createUser({}, ada.user, adminPassword, Role::Admin);
        QVERIFY2(first.ok(), qPrintable(first.error));
        QCOMPARE(store.signIn(ada.user, adminPassword, now).outcome, SignInResult::Outcome::SignedIn);

        // Everyone else got a password the admin knows.
        const UserStoreResult created =
            store.createUser(ada, QStringLiteral("carl"), QStringLiteral("carl-pass-1"), Role::Supervisor);
        QVERIFY2(created.ok(), qPrintable(created.error));
        QVERIFY(created.audit.first().reason.contains(QStringLiteral("must change the password")));
        QVERIFY(store.accounts().value(1).mustChangePassword);
        const SignInResult signIn = store.signIn(QStringLiteral("carl"), QStringLiteral("carl-pass-1"), now);
        QCOMPARE(signIn.outcome, SignInResult::Outcome::MustChangePassword);
        QCOMPARE(signIn.actor.role, Role::Viewer); // not signed in: no rights yet
        QVERIFY(signIn.message.contains(QStringLiteral("carl")));
        QCOMPARE(store.accounts().value(1).lastSignInMs, 0);

        const SignInResult changed = store.changePassword(
            QStringLiteral("carl"), QStringLiteral("carl-pass-1"), QStringLiteral("carls-own-1"), now);
        QCOMPARE(changed.outcome, SignInResult::Outcome::SignedIn);
        QCOMPARE(changed.actor.role, Role::Supervisor);
        QVERIFY(!store.accounts().value(1).mustChangePassword);
        QCOMPARE(store.signIn(QStringLiteral("carl"), QStringLiteral("carls-own-1"), now + 1).outcome,
                 SignInResult::Outcome::SignedIn);
    }

    void resetPasswordMustBeChangedAtNextSignIn()
    {
        Accounts accounts;
        const QString temporary = QStringLiteral("temp-pass-1");
        const UserStoreResult reset = accounts.store.resetPassword(ada, QStringLiteral("bob"), temporary);
        QVERIFY2(reset.ok(), qPrintable(reset.error));
        QVERIFY(accounts.account(QStringLiteral("bob")).mustChangePassword);
        QCOMPARE(accounts.store.signIn(QStringLiteral("bob"), bobPassword, now).outcome,
                 SignInResult::Outcome::Refused); // the old password is gone

        const SignInResult first = accounts.store.signIn(QStringLiteral("bob"), temporary, now);
        QCOMPARE(first.outcome, SignInResult::Outcome::MustChangePassword);
        QCOMPARE(first.actor.user, QStringLiteral("bob"));
        QCOMPARE(first.actor.role, Role::Viewer); // not signed in: no rights
        QVERIFY(first.audit.first().reason.contains(QStringLiteral("password change required")));
        QCOMPARE(accounts.account(QStringLiteral("bob")).lastSignInMs, now - 1000); // not signed in now

        SignInResult change = accounts.store.changePassword(
            QStringLiteral("bob"), QStringLiteral("wrong-old-1"), QStringLiteral("brand-new-1"), now);
        QCOMPARE(change.outcome, SignInResult::Outcome::Refused);
        QCOMPARE(accounts.account(QStringLiteral("bob")).failedAttempts, 1); // counts towards the lockout
        change = accounts.store.changePassword(QStringLiteral("bob"), temporary, QStringLiteral("weak"), now);
        QCOMPARE(change.outcome, SignInResult::Outcome::Refused);
        QVERIFY(change.message.contains(QStringLiteral("at least")));
        change = accounts.store.changePassword(QStringLiteral("bob"), temporary, temporary, now);
        QVERIFY(change.message.contains(QStringLiteral("differ")));
        QVERIFY(accounts.account(QStringLiteral("bob")).mustChangePassword);

        change = accounts.store.changePassword(QStringLiteral("bob"), temporary,
                                               QStringLiteral("brand-new-1"), now);
        QCOMPARE(change.outcome, SignInResult::Outcome::SignedIn);
        QCOMPARE(change.actor.role, Role::Operator);
        QVERIFY(!accounts.account(QStringLiteral("bob")).mustChangePassword);
        QCOMPARE(accounts.account(QStringLiteral("bob")).lastSignInMs, now);
        QCOMPARE(accounts.store.signIn(QStringLiteral("bob"), QStringLiteral("brand-new-1"), now + 1).outcome,
                 SignInResult::Outcome::SignedIn);
        QCOMPARE(accounts.account(QStringLiteral("bob")).lastSignInMs, now + 1);
    }

    void disabledUserCannotSignIn()
    {
        Accounts accounts;
        const UserStoreResult disabled = accounts.store.setDisabled(ada, QStringLiteral("bob"), true);
        QVERIFY(disabled.ok());
        QCOMPARE(disabled.audit.first().newValue, QStringLiteral("disabled"));
        QVERIFY(accounts.account(QStringLiteral("bob")).disabled);
        QCOMPARE(accounts.store.accounts().size(), 2); // kept, so the audit trail keeps the name
        QVERIFY(
            accounts.store.createUser(ada, QStringLiteral("bob"), QStringLiteral("another-1"), Role::Viewer)
                .error.contains(QStringLiteral("exists already"))); // the name stays taken
        const SignInResult refused = accounts.store.signIn(QStringLiteral("bob"), bobPassword, now);
        QCOMPARE(refused.outcome, SignInResult::Outcome::Refused);
        QVERIFY(refused.message.contains(QStringLiteral("disabled")));
        QVERIFY(refused.audit.first().reason.contains(QStringLiteral("disabled")));
        QCOMPARE(accounts.store
                     .changePassword(QStringLiteral("bob"), bobPassword, QStringLiteral("other-pass-1"), now)
                     .outcome,
                 SignInResult::Outcome::Refused);
        QVERIFY(accounts.store.setDisabled(ada, QStringLiteral("bob"), false).ok());
        QCOMPARE(accounts.store.signIn(QStringLiteral("bob"), bobPassword, now).outcome,
                 SignInResult::Outcome::SignedIn);
    }

    void unlockEndsALockout()
    {
        Accounts accounts;
        for (int i = 0; i < UserStore::maxFailedAttempts; ++i)
            accounts.store.signIn(QStringLiteral("bob"), QStringLiteral("wrong"), now);
        QVERIFY(accounts.account(QStringLiteral("bob")).lockedAt(now));
        const UserStoreResult unlocked = accounts.store.unlock(ada, QStringLiteral("bob"));
        QVERIFY(unlocked.ok());
        QCOMPARE(unlocked.audit.first().newValue, QStringLiteral("unlocked"));
        QVERIFY(!accounts.account(QStringLiteral("bob")).lockedAt(now));
        QVERIFY(!accounts.store.unlock(ada, QStringLiteral("ghost")).ok());
    }

    void noPasswordOrHashInTheAudit()
    {
        Accounts accounts;
        QList<AuditEntry> audit;
        audit += accounts.store
                     .createUser(ada, QStringLiteral("dora"), QStringLiteral("dora-pass-1"), Role::Viewer)
                     .audit;
        audit +=
            accounts.store.resetPassword(ada, QStringLiteral("dora"), QStringLiteral("reset-pass-1")).audit;
        audit += accounts.store.signIn(QStringLiteral("dora"), QStringLiteral("reset-pass-1"), now).audit;
        audit += accounts.store
                     .changePassword(QStringLiteral("dora"), QStringLiteral("reset-pass-1"),
                                     QStringLiteral("dora-pass-2"), now)
                     .audit;
        audit += accounts.store
                     .changePassword(QStringLiteral("dora"), QStringLiteral("wrong-pass-1"),
                                     QStringLiteral("dora-pass-3"), now)
                     .audit;
        audit += accounts.store
                     .resetPassword({QStringLiteral("eve"), Role::Operator}, QStringLiteral("dora"),
                                    QStringLiteral("evil-pass-1"))
                     .audit;
        QCOMPARE(audit.size(), 6);
        for (const QString &secret :
             {QStringLiteral("dora-pass-1"), QStringLiteral("reset-pass-1"), QStringLiteral("dora-pass-2"),
              QStringLiteral("dora-pass-3"), QStringLiteral("wrong-pass-1"), QStringLiteral("evil-pass-1"),
              QStringLiteral("pbkdf2")})
            QVERIFY2(!anyAuditContains(audit, secret), qPrintable(secret));
    }

    void storeOfTheFirstVersionStillLoads()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        {
            // The table as the first version wrote it: no must-change, disabled or last-sign-in columns.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral(
                "CREATE TABLE users (name TEXT PRIMARY KEY NOT NULL, role TEXT NOT NULL, password_hash TEXT "
                "NOT NULL, failed_attempts INTEGER NOT NULL DEFAULT 0, locked_until_ms INTEGER NOT NULL "
                "DEFAULT 0, created_ms INTEGER NOT NULL)")));
            for (const auto &[name, role, password] :
                 {std::tuple{"ada", "Admin", "s3cret-pass"}, std::tuple{"bob", "Operator", "password1"}}) {
                query.prepare(QStringLiteral("INSERT INTO users (name, role, password_hash, failed_attempts, "
                                             "created_ms) VALUES (?, ?, ?, 2, 1)"));
                query.addBindValue(QString::fromLatin1(name));
                query.addBindValue(QString::fromLatin1(role));
                query.addBindValue(PasswordHash::create(QString::fromLatin1(password), 1000));
                QVERIFY(query.exec());
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));

        UserStore store(path);
        QString error;
        const QList<UserAccount> accounts = store.accounts(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(accounts.size(), 2);
        QCOMPARE(accounts.at(0).name, QStringLiteral("ada"));
        QCOMPARE(accounts.at(0).role, Role::Admin);
        QCOMPARE(accounts.at(1).failedAttempts, 2);
        QVERIFY(!accounts.at(1).mustChangePassword);
        QVERIFY(!accounts.at(1).disabled);
        QCOMPARE(accounts.at(1).lastSignInMs, 0);
        QCOMPARE(store.signIn(QStringLiteral("bob"), QStringLiteral("password1"), now).outcome,
                 SignInResult::Outcome::SignedIn);
        QVERIFY(store.resetPassword(ada, QStringLiteral("bob"), QStringLiteral("temp-pass-1")).ok());
        QCOMPARE(store.signIn(QStringLiteral("bob"), QStringLiteral("temp-pass-1"), now).outcome,
                 SignInResult::Outcome::MustChangePassword);
    }
};

QTEST_GUILESS_MAIN(TestUserStore)
#include "tst_user_store.moc"
