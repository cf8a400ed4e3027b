#pragma once
// The model's feed recommendation as a small card: the one-line advice ("feed 21.4 mL/h for the next 2 h: +6
// % product by 150 h"), when it was last updated, a busy indicator while the models run, and an Apply button
// that sends the rate through the session's FeedController as the signed-in user (the same path, limits and
// audit as a manual change). The outcome of Apply (accepted or why it was refused) is shown on the card.
#include <QWidget>

class PredictionCoordinator;
class QLabel;
class QProgressBar;
class QPushButton;
class UserSession;

class RecommendationCard : public QWidget
{
    Q_OBJECT
public:
    RecommendationCard(PredictionCoordinator *coordinator, const UserSession *users,
                       QWidget *parent = nullptr);

    QString recommendationText() const;
    QString statusText() const;
    QPushButton *applyButton() const { return m_apply; }
    bool busyShown() const;

    void apply();

private:
    void showRecommendation(const QString &text, double rateMlPerH, double forHours);

    PredictionCoordinator *m_coordinator;
    const UserSession *m_users;
    QLabel *m_text;
    QLabel *m_updated;
    QLabel *m_status;
    QProgressBar *m_busy;
    QPushButton *m_apply;
};
