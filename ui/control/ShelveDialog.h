#pragma once
// Asks why and for how long an alarm is shelved (ISA-18.2: shelving needs a reason and ends by itself).
#include <QDialog>

class QLineEdit;
class QSpinBox;

class ShelveDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShelveDialog(const QString &alarmText, QWidget *parent = nullptr);
    QString reason() const;
    qint64 durationMs() const;

private:
    QLineEdit *m_reason;
    QSpinBox *m_minutes;
};
