#include "InstrumentStatusPanel.h"

#include <QGridLayout>
#include <QLabel>

namespace {
QString lightColour(LinkState state)
{
    switch (state) {
    case LinkState::Connected:
        return QStringLiteral("#2e9d4a");
    case LinkState::Degraded:
    case LinkState::Connecting:
    case LinkState::Reconnecting:
        return QStringLiteral("#e0a000");
    case LinkState::Disconnected:
        break;
    }
    return QStringLiteral("#c0392b");
}
} // namespace

InstrumentStatusPanel::InstrumentStatusPanel(QWidget *parent) : QWidget(parent), m_grid(new QGridLayout(this))
{
    m_grid->setColumnStretch(2, 1);
    m_grid->setAlignment(Qt::AlignTop);
}

void InstrumentStatusPanel::setState(const QString &instrument, LinkState state, const QString &lastError)
{
    auto it = m_rows.find(instrument);
    if (it == m_rows.end()) {
        const int row = int(m_rows.size());
        Row widgets{new QLabel(this), new QLabel(this), new QLabel(this)};
        widgets.light->setFixedSize(14, 14);
        widgets.error->setWordWrap(true);
        widgets.error->setStyleSheet(QStringLiteral("color: #888"));
        m_grid->addWidget(widgets.light, 2 * row, 0);
        m_grid->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(instrument.toHtmlEscaped()), this),
                          2 * row, 1);
        m_grid->addWidget(widgets.state, 2 * row, 2);
        m_grid->addWidget(widgets.error, 2 * row + 1, 1, 1, 2);
        it = m_rows.insert(instrument, widgets);
    }
    it->light->setStyleSheet(QStringLiteral("background: %1; border-radius: 7px").arg(lightColour(state)));
    it->state->setText(linkStateName(state));
    it->error->setText(state == LinkState::Connected ? QString() : lastError);
}

QString InstrumentStatusPanel::stateText(const QString &instrument) const
{
    const auto it = m_rows.constFind(instrument);
    return it == m_rows.cend() ? QString() : it->state->text();
}
