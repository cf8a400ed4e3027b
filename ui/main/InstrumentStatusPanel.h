#pragma once
// One row per instrument: a status light, its connection state and its last error.
#include "LinkState.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QGridLayout;

class InstrumentStatusPanel : public QWidget
{
    Q_OBJECT
public:
    explicit InstrumentStatusPanel(QWidget *parent = nullptr);

    void setState(const QString &instrument, LinkState state, const QString &lastError);
    QString stateText(const QString &instrument) const;

private:
    struct Row
    {
        QLabel *light;
        QLabel *state;
        QLabel *error;
    };
    QGridLayout *m_grid;
    QHash<QString, Row> m_rows;
};
