#include "UserManagerDialog.h"

#include "ChangePasswordDialog.h"
#include "PermissionMatrix.h"
#include "UserSession.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace {
QComboBox *roleCombo(QWidget *parent)
{
    auto *box = new QComboBox(parent);
    for (Role role : {Role::Viewer, Role::Operator, Role::Supervisor, Role::Admin})
        box->addItem(roleTitle(role), int(role));
    return box;
}

QLineEdit *passwordField(QWidget *parent)
{
    auto *field = new QLineEdit(parent);
    field->setEchoMode(QLineEdit::Password);
    return field;
}
} // namespace

UserManagerDialog::UserManagerDialog(UserSession *users, QWidget *parent)
    : QDialog(parent), m_users(users), m_table(new QTableWidget(0, ColumnCount, this)),
      m_role(roleCombo(this)), m_resetPassword(passwordField(this)), m_newName(new QLineEdit(this)),
      m_newRole(roleCombo(this)), m_newPassword(passwordField(this)),
      m_setRoleButton(new QPushButton(tr("Set &role"), this)),
      m_resetButton(new QPushButton(tr("&Reset password"), this)),
      m_unlockButton(new QPushButton(tr("&Unlock"), this)),
      m_disableButton(new QPushButton(tr("&Disable"), this)),
      m_addButton(new QPushButton(tr("&Add user"), this)),
      m_changeOwnButton(new QPushButton(tr("Change &my password..."), this)), m_message(new QLabel(this))
{
    setWindowTitle(tr("Users"));
    m_table->setHorizontalHeaderLabels({tr("User"), tr("Role"), tr("State"), tr("Last sign-in")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    // However small the window, a few accounts stay visible.
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height() +
                              4 * m_table->verticalHeader()->defaultSectionSize());
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_message->setWordWrap(true);
    m_resetPassword->setPlaceholderText(tr("New password (the user must change it)"));
    m_newPassword->setPlaceholderText(tr("The user must change it at the first sign-in"));
    m_newRole->setCurrentIndex(m_newRole->findData(int(Role::Operator)));

    auto *selected = new QGroupBox(tr("Selected user"), this);
    auto *selectedLayout = new QFormLayout(selected);
    auto *roleRow = new QHBoxLayout;
    roleRow->addWidget(m_role);
    roleRow->addWidget(m_setRoleButton);
    selectedLayout->addRow(tr("Role:"), roleRow);
    auto *resetRow = new QHBoxLayout;
    resetRow->addWidget(m_resetPassword);
    resetRow->addWidget(m_resetButton);
    selectedLayout->addRow(tr("Password:"), resetRow);
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_unlockButton);
    stateRow->addWidget(m_disableButton);
    stateRow->addStretch();
    selectedLayout->addRow(tr("Account:"), stateRow);

    auto *add = new QGroupBox(tr("New user"), this);
    auto *addLayout = new QFormLayout(add);
    addLayout->addRow(tr("Name:"), m_newName);
    addLayout->addRow(tr("Role:"), m_newRole);
    addLayout->addRow(tr("Initial password:"), m_newPassword);
    addLayout->addRow(m_addButton);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_changeOwnButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(selected);
    layout->addWidget(add);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_setRoleButton, &QPushButton::clicked, this, [this] {
        run(m_users->setRole(selectedUser(), Role(m_role->currentData().toInt())), tr("Role changed."));
    });
    connect(m_resetButton, &QPushButton::clicked, this, [this] {
        run(m_users->resetPassword(selectedUser(), m_resetPassword->text()),
            tr("Password reset: the user must change it at the next sign-in."));
        m_resetPassword->clear();
    });
    connect(m_unlockButton, &QPushButton::clicked, this,
            [this] { run(m_users->unlock(selectedUser()), tr("Account unlocked.")); });
    connect(m_disableButton, &QPushButton::clicked, this, &UserManagerDialog::toggleDisabled);
    connect(m_addButton, &QPushButton::clicked, this, [this] {
        run(m_users->addUser(m_newName->text().trimmed(), m_newPassword->text(),
                             Role(m_newRole->currentData().toInt())),
            tr("User added."));
        m_newPassword->clear();
    });
    connect(m_changeOwnButton, &QPushButton::clicked, this, &UserManagerDialog::changeOwnPassword);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &UserManagerDialog::updateButtons);
    connect(users, &UserSession::accountsChanged, this, &UserManagerDialog::refresh);
    connect(users, &UserSession::actorChanged, this, &UserManagerDialog::updateButtons);
    connect(&m_reading, &QFutureWatcher<AccountList>::finished, this, &UserManagerDialog::showAccounts);
    refresh();
    resize(640, 560);
}

QString UserManagerDialog::stateText(const UserAccount &account, qint64 nowMs)
{
    QStringList states;
    if (account.disabled)
        states << tr("disabled");
    if (account.lockedAt(nowMs))
        states << tr("locked");
    if (account.mustChangePassword)
        states << tr("must change password");
    return states.isEmpty() ? tr("active") : states.join(QStringLiteral(", "));
}

void UserManagerDialog::refresh()
{
    if (m_reading.isRunning()) {
        m_readAgain = true; // that read may have started before the change: read once more when it ends
        return;
    }
    const UserStore store = *m_users->store(); // a copy: the read does not depend on the session's lifetime
    m_reading.setFuture(QtConcurrent::run([store] {
        AccountList list;
        list.accounts = store.accounts(&list.error);
        return list;
    }));
}

void UserManagerDialog::showAccounts()
{
    if (m_readAgain) {
        m_readAgain = false;
        refresh();
        return;
    }
    const AccountList list = m_reading.result();
    const QString selected = selectedUser();
    m_accounts = list.accounts;
    if (!list.error.isEmpty())
        m_message->setText(list.error);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_table->setRowCount(int(m_accounts.size()));
    for (int row = 0; row < m_accounts.size(); ++row) {
        const UserAccount &account = m_accounts.at(row);
        const QString lastSignIn =
            account.lastSignInMs > 0
                ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(account.lastSignInMs).toLocalTime(),
                                     QLocale::ShortFormat)
                : tr("never");
        const QStringList cells{account.name, roleTitle(account.role), stateText(account, now), lastSignIn};
        for (int column = 0; column < ColumnCount; ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    if (!selected.isEmpty())
        selectUser(selected);
    updateButtons();
    Q_EMIT accountsShown();
}

bool UserManagerDialog::selectUser(const QString &name)
{
    for (int row = 0; row < m_accounts.size(); ++row) {
        if (m_accounts.at(row).name == name) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

QString UserManagerDialog::message() const
{
    return m_message->text();
}

const UserAccount *UserManagerDialog::selectedAccount() const
{
    const QList<QTableWidgetSelectionRange> ranges = m_table->selectedRanges();
    if (ranges.isEmpty() || ranges.first().topRow() >= m_accounts.size())
        return nullptr;
    return &m_accounts.at(ranges.first().topRow());
}

QString UserManagerDialog::selectedUser() const
{
    const UserAccount *account = selectedAccount();
    return account ? account->name : QString();
}

void UserManagerDialog::updateButtons()
{
    const bool admin = PermissionMatrix::allows(m_users->actor().role, Permission::ManageUsers);
    const bool idle = m_running == 0;
    const UserAccount *account = selectedAccount();
    const bool hasSelection = account != nullptr;
    if (hasSelection) {
        m_role->setCurrentIndex(m_role->findData(int(account->role)));
        m_disableButton->setText(account->disabled ? tr("&Enable") : tr("&Disable"));
    }
    for (QWidget *widget : {static_cast<QWidget *>(m_role), static_cast<QWidget *>(m_resetPassword),
                            static_cast<QWidget *>(m_setRoleButton), static_cast<QWidget *>(m_resetButton),
                            static_cast<QWidget *>(m_unlockButton), static_cast<QWidget *>(m_disableButton)})
        widget->setEnabled(admin && idle && hasSelection);
    for (QWidget *widget : {static_cast<QWidget *>(m_newName), static_cast<QWidget *>(m_newRole),
                            static_cast<QWidget *>(m_newPassword), static_cast<QWidget *>(m_addButton)})
        widget->setEnabled(admin && idle);
    m_changeOwnButton->setEnabled(m_users->signedIn());
}

void UserManagerDialog::run(const QFuture<UserStoreResult> &operation, const QString &done)
{
    ++m_running;
    updateButtons();
    m_message->setText(tr("Working..."));
    QFuture<UserStoreResult>(operation).then(this, [this, done](const UserStoreResult &result) {
        auto finish = [this, done, error = result.error] {
            --m_running;
            m_message->setText(error.isEmpty() ? done : error);
            updateButtons();
            Q_EMIT operationFinished(error);
        };
        if (!result.ok())
            return finish();
        connect(this, &UserManagerDialog::accountsShown, this, finish, Qt::SingleShotConnection);
        refresh();
    });
}

void UserManagerDialog::toggleDisabled()
{
    const UserAccount *account = selectedAccount();
    if (!account)
        return;
    const bool disable = !account->disabled;
    run(m_users->setDisabled(account->name, disable),
        disable ? tr("Account disabled.") : tr("Account enabled."));
}

void UserManagerDialog::changeOwnPassword()
{
    auto *dialog = new ChangePasswordDialog(m_users, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ChangePasswordDialog::changeFinished, this, [this](const QString &error) {
        if (error.isEmpty())
            m_message->setText(tr("Your password was changed."));
    });
    dialog->open();
}
