#include "AlarmPanel.h"

#include "AlarmFilterModel.h"
#include "AlarmManager.h"
#include "AlarmTableModel.h"
#include "OperatorText.h"
#include "ShelveDialog.h"
#include "UserSession.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

AlarmPanel::AlarmPanel(AlarmManager *alarms, UserSession *users, QWidget *parent)
    : QWidget(parent), m_alarms(alarms), m_users(users), m_model(new AlarmTableModel(alarms, this)),
      m_filter(new AlarmFilterModel(this)), m_view(new QTableView(this)), m_stateFilter(new QComboBox(this)),
      m_priorityFilter(new QComboBox(this)), m_floodBanner(new QLabel(this)), m_message(new QLabel(this)),
      m_ack(new QPushButton(tr("&Acknowledge"), this)), m_shelve(new QPushButton(tr("&Shelve..."), this)),
      m_unshelve(new QPushButton(tr("&Unshelve"), this)),
      m_outOfService(new QPushButton(tr("&Out of service..."), this)),
      m_returnToService(new QPushButton(tr("&Return to service"), this))
{
    m_filter->setSourceModel(m_model);
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    // One line per alarm, so a short dock still shows several; the alarm text and the note take the width
    // the short columns leave.
    m_view->setWordWrap(false);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AlarmTableModel::Text, QHeaderView::Stretch);
    header->setSectionResizeMode(AlarmTableModel::Note, QHeaderView::Stretch);
    m_view->verticalHeader()->hide();

    m_stateFilter->addItem(tr("Not normal"), int(AlarmFilterModel::StateFilter::NotNormal));
    m_stateFilter->addItem(tr("Unacknowledged"), int(AlarmFilterModel::StateFilter::Unacknowledged));
    m_stateFilter->addItem(tr("Shelved / out of service"), int(AlarmFilterModel::StateFilter::Suppressed));
    m_stateFilter->addItem(tr("All"), int(AlarmFilterModel::StateFilter::All));
    m_priorityFilter->addItem(tr("All priorities"), int(AlarmPriority::Low));
    m_priorityFilter->addItem(tr("Medium and high"), int(AlarmPriority::Medium));
    m_priorityFilter->addItem(tr("High only"), int(AlarmPriority::High));
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setStateFilter(AlarmFilterModel::StateFilter(m_stateFilter->currentData().toInt()));
    });
    connect(m_priorityFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setMinimumPriority(m_priorityFilter->currentData().toInt()); });
    m_kindFilter = new QComboBox(this);
    m_kindFilter->setObjectName(QStringLiteral("kindFilter"));
    m_kindFilter->addItem(tr("All kinds"), int(AlarmFilterModel::KindFilter::All));
    m_kindFilter->addItem(tr("Process"), int(AlarmFilterModel::KindFilter::Process));
    m_kindFilter->addItem(tr("Instrument and communication"),
                          int(AlarmFilterModel::KindFilter::InstrumentAndCommunication));
    m_kindFilter->addItem(tr("System"), int(AlarmFilterModel::KindFilter::System));
    m_kindFilter->setToolTip(tr("Process alarms are about the culture; instrument and communication faults "
                                "about the equipment; system faults about this workstation."));
    connect(m_kindFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setKindFilter(AlarmFilterModel::KindFilter(m_kindFilter->currentData().toInt()));
    });

    m_floodBanner->setText(
        tr("Alarm flood: more than 10 alarms in 10 minutes. Deal with the highest priority first."));
    m_floodBanner->setStyleSheet(
        QStringLiteral("background:#b00020;color:white;padding:4px;font-weight:bold"));
    m_floodBanner->setWordWrap(true);
    m_floodBanner->setVisible(alarms->flooding());
    connect(alarms, &AlarmManager::floodChanged, m_floodBanner, &QLabel::setVisible);

    auto *ackAll = new QPushButton(tr("Acknowledge all &visible"), this);
    m_outOfService->setToolTip(tr("Suppress this alarm until it is returned to service (supervisor)"));
    connect(m_ack, &QPushButton::clicked, this, &AlarmPanel::acknowledgeSelected);
    connect(ackAll, &QPushButton::clicked, this, &AlarmPanel::acknowledgeAllVisible);
    connect(m_shelve, &QPushButton::clicked, this, &AlarmPanel::shelveSelected);
    connect(m_unshelve, &QPushButton::clicked, this, &AlarmPanel::unshelveSelected);
    connect(m_outOfService, &QPushButton::clicked, this, &AlarmPanel::askReasonAndRemoveFromService);
    connect(m_returnToService, &QPushButton::clicked, this, &AlarmPanel::returnSelectedToService);
    // The state of the selected alarm decides which actions make sense; it changes under the selection too.
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AlarmPanel::updateButtons);
    connect(m_filter, &QAbstractItemModel::dataChanged, this, &AlarmPanel::updateButtons);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &AlarmPanel::updateButtons);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &AlarmPanel::updateButtons);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Show:"), this));
    filters->addWidget(m_stateFilter);
    filters->addWidget(m_priorityFilter);
    filters->addWidget(m_kindFilter);
    filters->addStretch();
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_ack);
    actions->addWidget(ackAll);
    actions->addWidget(m_shelve);
    actions->addWidget(m_unshelve);
    actions->addSpacing(12);
    actions->addWidget(m_outOfService);
    actions->addWidget(m_returnToService);
    actions->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_floodBanner);
    layout->addLayout(filters);
    layout->addWidget(m_view);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    updateButtons();
}

void AlarmPanel::setChannels(const QList<ChannelInfo> &channels)
{
    m_model->setChannels(channels);
}

void AlarmPanel::updateButtons()
{
    const QString id = selectedId();
    const AlarmState state = id.isEmpty() ? AlarmState::Normal : m_alarms->status(id).state;
    const bool selected = !id.isEmpty();
    m_ack->setEnabled(state == AlarmState::ActiveUnacked || state == AlarmState::ReturnedUnacked);
    m_shelve->setEnabled(selected && state != AlarmState::Shelved && state != AlarmState::OutOfService);
    m_unshelve->setEnabled(state == AlarmState::Shelved);
    m_outOfService->setEnabled(selected && state != AlarmState::OutOfService);
    m_returnToService->setEnabled(state == AlarmState::OutOfService);
}

bool AlarmPanel::floodBannerVisible() const
{
    return !m_floodBanner->isHidden();
}

QString AlarmPanel::selectedId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(AlarmTableModel::IdRole).toString();
}

void AlarmPanel::report(const QString &error)
{
    m_lastError = error;
    m_message->setText(asSentence(error));
}

void AlarmPanel::actOnSelected(const std::function<QString(const QString &id)> &action)
{
    const QString id = selectedId();
    if (id.isEmpty())
        return report(tr("Select an alarm first."));
    report(action(id));
    updateButtons();
}

void AlarmPanel::acknowledgeSelected()
{
    actOnSelected([this](const QString &id) { return m_alarms->acknowledge(id, m_users->actor()); });
}

void AlarmPanel::acknowledgeAllVisible()
{
    report(m_alarms->acknowledgeAll(m_filter->visibleIds(), m_users->actor()));
}

void AlarmPanel::shelveSelected()
{
    actOnSelected([this](const QString &id) {
        ShelveDialog dialog(m_alarms->status(id).definition.text, this);
        if (dialog.exec() != QDialog::Accepted)
            return QString();
        return m_alarms->shelve(id, m_users->actor(), dialog.reason(), dialog.durationMs());
    });
}

void AlarmPanel::unshelveSelected()
{
    actOnSelected([this](const QString &id) { return m_alarms->unshelve(id, m_users->actor()); });
}

void AlarmPanel::askReasonAndRemoveFromService()
{
    actOnSelected([this](const QString &id) {
        bool ok = false;
        const QString reason =
            QInputDialog::getText(this, tr("Out of service"),
                                  tr("Why is \"%1\" taken out of service? (recorded in the audit trail)")
                                      .arg(m_alarms->status(id).definition.text),
                                  QLineEdit::Normal, {}, &ok);
        return ok ? m_alarms->removeFromService(id, m_users->actor(), reason) : QString();
    });
}

void AlarmPanel::removeSelectedFromService(const QString &reason)
{
    actOnSelected([this, &reason](const QString &id) {
        return m_alarms->removeFromService(id, m_users->actor(), reason);
    });
}

void AlarmPanel::returnSelectedToService()
{
    actOnSelected([this](const QString &id) { return m_alarms->returnToService(id, m_users->actor()); });
}
