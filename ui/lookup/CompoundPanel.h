#pragma once
// Compound look-up panel: paste or type names (one per line), look them up on PubChem through the shared
// PubChemClient, watch rows fill in as results arrive (done / not found / ambiguous / retrying / error with
// the reason), cancel, copy or save the table as CSV, and convert g/L <-> mmol/L for a found compound.
#include "LookupBatch.h"

#include <QPointer>
#include <QWidget>

class CompoundTableModel;
class FeedCalculator;
class PubChemClient;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;

class CompoundPanel : public QWidget
{
    Q_OBJECT
public:
    // The client is not owned; it is usually the session's one client (one cache, one program-wide limiter).
    explicit CompoundPanel(PubChemClient *client, QWidget *parent = nullptr);

    CompoundTableModel *model() const { return m_model; }
    FeedCalculator *calculator() const { return m_calculator; }
    bool isBusy() const { return m_batch != nullptr; }

    static QStringList namesFromText(const QString &text); // one per line (tabs too: pasted columns)

public Q_SLOTS:
    void lookUp(const QStringList &names);
    void lookUpTypedNames();
    void cancel();
    void copyCsv();
    void saveCsv(); // asks for the file, then saveCsvTo()
    // Writes the table in the thread pool; csvSaved tells how it went (and a failure is shown in a message
    // box).
    void saveCsvTo(const QString &path);
    void showSynonyms(); // of the selected found compound, fetched on demand

Q_SIGNALS:
    void substrateConcentrationChosen(double gramsPerLitre);
    void lookupFinished();
    void csvSaved(const QString &path, const QString &error); // error empty on success

private:
    void onSelectionChanged();
    void onBatchFinished();
    void onSynonymsFinished();
    void setBusy(bool busy);

    PubChemClient *m_client;
    QPointer<LookupBatch> m_batch;
    QPointer<LookupBatch> m_synonymsBatch;
    CompoundTableModel *m_model;
    QPlainTextEdit *m_names;
    QPushButton *m_lookUp;
    QPushButton *m_cancel;
    QPushButton *m_copy;
    QPushButton *m_save;
    QPushButton *m_showSynonyms;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QTableView *m_table;
    QPlainTextEdit *m_synonyms;
    FeedCalculator *m_calculator;
};
