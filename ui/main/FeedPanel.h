#pragma once
// Sets the feed pump rate by hand. The request goes to the actuator's control (which switches it to manual
// without a bump) as whoever is signed in; the FeedController below enforces the hard limits and the role
// matrix and its refusal text is shown here. Lists the changes made in this session (the run file keeps them
// all).
#include "Actor.h"

#include <QWidget>

#include <functional>

class ActuatorControl;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;

class FeedPanel : public QWidget
{
    Q_OBJECT
public:
    using ActorSource = std::function<Actor()>; // the user signed in at the moment of the action

    FeedPanel(ActuatorControl *feed, ActorSource actor, QWidget *parent = nullptr);

    // Returns the refusal text, empty when the command was issued.
    QString requestRate(double rate, const QString &reason);

private:
    ActuatorControl *m_feed;
    ActorSource m_actor;
    QDoubleSpinBox *m_rate;
    QLineEdit *m_reason;
    QLabel *m_status;
    QListWidget *m_history;
};
