#pragma once
// Sets the feed pump rate. The spin box shows the hard limits, but it is the FeedController below that
// enforces them; its refusal text is shown here. Lists the changes made in this session (the run file keeps
// them all).
#include <QWidget>

class FeedController;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;

class FeedPanel : public QWidget
{
    Q_OBJECT
public:
    FeedPanel(FeedController *feed, QString user, QString role, QWidget *parent = nullptr);

    void requestRate(double rate, const QString &reason);

private:
    FeedController *m_feed;
    QString m_user;
    QString m_role;
    QDoubleSpinBox *m_rate;
    QLineEdit *m_reason;
    QLabel *m_status;
    QListWidget *m_history;
};
