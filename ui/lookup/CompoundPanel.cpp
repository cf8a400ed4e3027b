#include "CompoundPanel.h"

#include "CompoundTableModel.h"
#include "FeedCalculator.h"
#include "PubChemClient.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

CompoundPanel::CompoundPanel(PubChemClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new CompoundTableModel(this)),
      m_names(new QPlainTextEdit(this)), m_lookUp(new QPushButton(tr("Look up"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_copy(new QPushButton(tr("Copy CSV"), this)),
      m_save(new QPushButton(tr("Save CSV..."), this)), m_showSynonyms(new QPushButton(tr("Synonyms"), this)),
      m_progress(new QProgressBar(this)), m_summary(new QLabel(this)), m_table(new QTableView(this)),
      m_synonyms(new QPlainTextEdit(this)), m_calculator(new FeedCalculator(this))
{
    m_showSynonyms->setObjectName(QStringLiteral("showSynonyms"));
    m_synonyms->setObjectName(QStringLiteral("synonyms"));
    m_synonyms->setReadOnly(true);
    m_synonyms->setMaximumHeight(100);
    m_synonyms->hide();
    m_names->setObjectName(QStringLiteral("names"));
    m_lookUp->setObjectName(QStringLiteral("lookUp"));
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_progress->setObjectName(QStringLiteral("progress"));
    m_table->setObjectName(QStringLiteral("table"));
    m_names->setPlaceholderText(
        tr("Compound names, one per line (e.g. glucose, glycerol, ammonium sulfate)"));
    m_names->setMaximumHeight(120);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // Short columns follow their contents (a status changes while the look-up runs); the long IUPAC names
    // and SMILES fit when the answers are in, capped, and can be widened by hand.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CompoundTableModel::IupacColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(CompoundTableModel::SmilesColumn, QHeaderView::Interactive);
    header->setMaximumSectionSize(320);
    header->setStretchLastSection(true);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);

    // What acts on the typed names, then what acts on the results beside their summary: two short rows,
    // so the dock can be narrow.
    auto *lookUpRow = new QHBoxLayout;
    lookUpRow->addWidget(m_lookUp);
    lookUpRow->addWidget(m_cancel);
    lookUpRow->addWidget(m_progress, 1);
    lookUpRow->addStretch();
    auto *resultRow = new QHBoxLayout;
    resultRow->addWidget(m_summary, 1);
    resultRow->addWidget(m_copy);
    resultRow->addWidget(m_save);
    resultRow->addWidget(m_showSynonyms);
    m_summary->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_names);
    layout->addLayout(lookUpRow);
    layout->addLayout(resultRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_synonyms);
    layout->addWidget(m_calculator);

    connect(m_lookUp, &QPushButton::clicked, this, &CompoundPanel::lookUpTypedNames);
    connect(m_cancel, &QPushButton::clicked, this, &CompoundPanel::cancel);
    connect(m_copy, &QPushButton::clicked, this, &CompoundPanel::copyCsv);
    connect(m_save, &QPushButton::clicked, this, &CompoundPanel::saveCsv);
    connect(m_showSynonyms, &QPushButton::clicked, this, &CompoundPanel::showSynonyms);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CompoundPanel::onSelectionChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &CompoundPanel::onSelectionChanged);
    connect(m_calculator, &FeedCalculator::substrateConcentrationChosen, this,
            &CompoundPanel::substrateConcentrationChosen);
    setBusy(false);
    onSelectionChanged();
}

QStringList CompoundPanel::namesFromText(const QString &text)
{
    // Not commas: they belong to chemical names ("1,2-propanediol").
    static const QRegularExpression separators(QStringLiteral("[\\n\\t;]"));
    QStringList names;
    for (const QString &part : text.split(separators)) {
        const QString name = part.trimmed();
        if (!name.isEmpty() && !names.contains(name, Qt::CaseInsensitive))
            names.append(name);
    }
    return names;
}

void CompoundPanel::lookUpTypedNames()
{
    lookUp(namesFromText(m_names->toPlainText()));
}

void CompoundPanel::lookUp(const QStringList &names)
{
    if (names.isEmpty() || m_batch)
        return;
    m_model->setNames(names);
    m_table->resizeColumnsToContents();
    m_calculator->clearCompound();
    m_progress->setRange(0, int(names.size()));
    m_progress->setValue(0);
    m_summary->setText(tr("Looking up %n compound(s)...", nullptr, int(names.size())));
    m_batch = m_client->lookupNames(names);
    connect(m_batch, &LookupBatch::itemRetrying, m_model, &CompoundTableModel::setRetrying);
    connect(m_batch, &LookupBatch::itemFinished, m_model, &CompoundTableModel::setResult);
    connect(m_batch, &LookupBatch::progressChanged, m_progress,
            [this](int finished) { m_progress->setValue(finished); });
    connect(m_batch, &LookupBatch::finished, this, &CompoundPanel::onBatchFinished);
    setBusy(true);
}

void CompoundPanel::cancel()
{
    if (m_batch)
        m_batch->cancel(); // every pending row ends as "cancelled", then finished() arrives
}

void CompoundPanel::onBatchFinished()
{
    int answered = 0;
    int failed = 0;
    for (int i = 0; i < m_batch->size(); ++i) {
        const CompoundLookupResult &result = m_batch->result(i);
        answered += result.isAnswer() ? 1 : 0;
        failed += result.status == CompoundLookupResult::Status::Failed ? 1 : 0;
    }
    m_summary->setText(tr("%1 of %2 answered, %3 failed").arg(answered).arg(m_batch->size()).arg(failed));
    m_batch->deleteLater();
    m_batch = nullptr;
    m_table->resizeColumnsToContents();
    setBusy(false);
    Q_EMIT lookupFinished();
}

void CompoundPanel::setBusy(bool busy)
{
    m_lookUp->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    m_progress->setVisible(busy); // an idle "0%" bar says nothing
    const bool hasRows = m_model->rowCount() > 0;
    m_copy->setEnabled(hasRows && !busy);
    m_save->setEnabled(hasRows && !busy);
}

void CompoundPanel::onSelectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const int row = rows.isEmpty() ? -1 : rows.first().row();
    m_showSynonyms->setEnabled(m_model->foundCid(row).has_value() && !m_synonymsBatch);
    if (const auto weight = m_model->molecularWeight(row))
        m_calculator->setCompound(
            m_model->data(m_model->index(row, CompoundTableModel::NameColumn)).toString(), *weight);
    else
        m_calculator->clearCompound();
}

void CompoundPanel::showSynonyms()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const auto cid = rows.isEmpty() ? std::nullopt : m_model->foundCid(rows.first().row());
    if (!cid || m_synonymsBatch)
        return;
    m_synonyms->setPlainText(tr("Fetching synonyms of CID %1...").arg(*cid));
    m_synonyms->show();
    m_showSynonyms->setEnabled(false);
    m_synonymsBatch = m_client->fetchSynonyms({*cid});
    connect(m_synonymsBatch, &LookupBatch::finished, this, &CompoundPanel::onSynonymsFinished);
}

void CompoundPanel::onSynonymsFinished()
{
    const CompoundLookupResult &result = m_synonymsBatch->result(0);
    if (result.status == CompoundLookupResult::Status::Found)
        m_synonyms->setPlainText(result.synonyms.join(QLatin1Char('\n')));
    else
        m_synonyms->setPlainText(
            tr("CID %1: %2 %3")
                .arg(result.query, CompoundLookupResult::statusName(result.status), result.error));
    m_synonymsBatch->deleteLater();
    m_synonymsBatch = nullptr;
    onSelectionChanged();
}

void CompoundPanel::copyCsv()
{
    QApplication::clipboard()->setText(m_model->toCsv());
}

void CompoundPanel::saveCsv()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save compounds as CSV"), QStringLiteral("compounds.csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        saveCsvTo(path);
}

void CompoundPanel::saveCsvTo(const QString &path)
{
    // Written in the pool: a slow or network disk must not stall the GUI thread. Whole or not at all.
    const QByteArray csv = m_model->toCsv().toUtf8();
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const QString error = watcher->result();
        if (!error.isEmpty()) {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Save CSV"),
                                        tr("Cannot write %1: %2").arg(path, error), QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
        Q_EMIT csvSaved(path, error);
    });
    watcher->setFuture(QtConcurrent::run([path, csv] {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit())
            return file.errorString();
        return QString();
    }));
}
