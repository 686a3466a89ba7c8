#include "ui/pacs/pacs_query_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <QRegularExpression>

#include "core/common/error.h"
#include "ui/pacs/query_result_model.h"

namespace cxr::ui {
namespace {

QTableView* resultTable(QSortFilterProxyModel* model, const QString& name, QWidget* parent) {
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAlternatingRowColors(true);
    return view;
}

std::vector<std::string> splitModalities(const QString& text) {
    std::vector<std::string> out;
    for (const QString& m : text.split(QRegularExpression(QStringLiteral("[,\\\\\\s]+")), Qt::SkipEmptyParts))
        out.push_back(m.trimmed().toUpper().toStdString());
    return out;
}

}  // namespace

PacsQueryDialog::PacsQueryDialog(const QList<PacsServer>& servers, QWidget* parent)
    : QDialog(parent), m_servers(servers) {
    setWindowTitle(tr("Open from PACS"));
    m_server = new QComboBox(this);
    m_server->setObjectName(QStringLiteral("pacsServer"));
    for (const PacsServer& s : servers) m_server->addItem(s.label());
    m_patientName = new QLineEdit(this);
    m_patientName->setObjectName(QStringLiteral("patientName"));
    m_patientName->setPlaceholderText(tr("e.g. DOE* (wildcards * and ?)"));
    m_patientId = new QLineEdit(this);
    m_patientId->setObjectName(QStringLiteral("patientId"));
    m_dates = new QLineEdit(this);
    m_dates->setObjectName(QStringLiteral("studyDates"));
    m_dates->setPlaceholderText(tr("YYYYMMDD-YYYYMMDD, either side may be left open"));
    m_modalities = new QLineEdit(QStringLiteral("CR,DX,DR"), this);
    m_modalities->setObjectName(QStringLiteral("modalities"));
    m_accession = new QLineEdit(this);
    m_accession->setObjectName(QStringLiteral("accession"));
    m_search = new QPushButton(tr("&Search"), this);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setDefault(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Node:"), m_server);
    form->addRow(tr("Patient &name:"), m_patientName);
    form->addRow(tr("Patient &ID:"), m_patientId);
    form->addRow(tr("Study &dates:"), m_dates);
    form->addRow(tr("&Modalities:"), m_modalities);
    form->addRow(tr("A&ccession:"), m_accession);
    auto* searchRow = new QHBoxLayout;
    searchRow->addStretch(1);
    searchRow->addWidget(m_search);
    form->addRow(searchRow);

    m_studies = new QueryResultModel(pacs::QueryLevel::Study, this);
    m_studiesSorted = new QSortFilterProxyModel(this);
    m_studiesSorted->setSourceModel(m_studies);
    m_studiesSorted->setSortRole(Qt::UserRole);
    m_studyView = resultTable(m_studiesSorted, QStringLiteral("studies"), this);
    m_series = new QueryResultModel(pacs::QueryLevel::Series, this);
    m_seriesSorted = new QSortFilterProxyModel(this);
    m_seriesSorted->setSourceModel(m_series);
    m_seriesSorted->setSortRole(Qt::UserRole);
    m_seriesView = resultTable(m_seriesSorted, QStringLiteral("series"), this);
    auto* tables = new QSplitter(Qt::Vertical, this);
    tables->addWidget(m_studyView);
    tables->addWidget(m_seriesView);
    tables->setStretchFactor(0, 3);
    tables->setStretchFactor(1, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("queryStatus"));
    m_status->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_retrieve = buttons->addButton(tr("&Retrieve and Diagnose"), QDialogButtonBox::AcceptRole);
    m_retrieve->setObjectName(QStringLiteral("retrieve"));
    m_retrieve->setToolTip(tr("Retrieve the selected series, or the selected studies whole, into the triage list"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(tables, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    m_query = new QFutureWatcher<Outcome>(this);
    connect(m_query, &QFutureWatcher<Outcome>::finished, this, &PacsQueryDialog::onQueryFinished);
    connect(m_search, &QPushButton::clicked, this, &PacsQueryDialog::search);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_studyView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PacsQueryDialog::onStudyChanged);
    connect(m_studyView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        onStudyChanged();
        updateButtons();
    });
    connect(m_seriesView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PacsQueryDialog::updateButtons);
    if (servers.isEmpty()) {
        m_status->setText(tr("No DICOM node is set up yet: add one in File ▸ Settings ▸ PACS."));
    }
    updateButtons();
    resize(900, 640);
}

PacsQueryDialog::~PacsQueryDialog() {
    cancelSearch();
    m_query->waitForFinished();
}

PacsServer PacsQueryDialog::server() const {
    const int i = m_server->currentIndex();
    return i >= 0 && i < m_servers.size() ? m_servers[i] : PacsServer{};
}

bool PacsQueryDialog::isSearching() const { return m_query->isRunning(); }

void PacsQueryDialog::setFilterText(const QString& patientName, const QString& patientId, const QString& dates,
                                    const QString& modalities, const QString& accession) {
    m_patientName->setText(patientName);
    m_patientId->setText(patientId);
    m_dates->setText(dates);
    m_modalities->setText(modalities);
    m_accession->setText(accession);
}

void PacsQueryDialog::search() {
    if (m_servers.isEmpty() || m_query->isRunning()) return;
    pacs::QueryFilter filter;
    filter.level = pacs::QueryLevel::Study;
    filter.patientName = m_patientName->text().trimmed().toStdString();
    filter.patientId = m_patientId->text().trimmed().toStdString();
    filter.accessionNumber = m_accession->text().trimmed().toStdString();
    filter.modalities = splitModalities(m_modalities->text());
    try {
        if (!m_dates->text().trimmed().isEmpty()) pacs::parseDateRange(m_dates->text().trimmed().toStdString(), filter);
    } catch (const Error& e) {
        m_status->setText(QString::fromStdString(e.what()));
        return;
    }
    m_studies->setMatches({});
    m_series->setMatches({});
    m_seriesStudy.clear();
    m_status->setText(tr("Searching %1…").arg(server().label()));
    startQuery(filter, false);
}

void PacsQueryDialog::cancelSearch() {
    if (m_cancel) m_cancel->cancel();
}

void PacsQueryDialog::startQuery(const pacs::QueryFilter& filter, bool series) {
    m_cancel = std::make_shared<CancelToken>();
    const PacsServer chosen = server();
    const CancelTokenPtr cancel = m_cancel;
    m_query->setFuture(QtConcurrent::run([chosen, filter, series, cancel] {
        Outcome out;
        out.series = series;
        try {
            out.matches = pacs::findMatches(chosen.node(), chosen.association(), filter, cancel.get());
        } catch (const Error& e) {
            out.error = QString::fromStdString(e.what());
        }
        return out;
    }));
    updateButtons();
}

void PacsQueryDialog::onQueryFinished() {
    Outcome out = m_query->result();
    if (!out.error.isEmpty()) {
        if (out.series) m_seriesStudy.clear();
        m_status->setText(out.error);
        Q_EMIT searchFinished(-1, out.error);
    } else if (out.series) {
        m_series->setMatches(std::move(out.matches));
        m_seriesView->resizeColumnsToContents();
    } else {
        const int n = static_cast<int>(out.matches.size());
        m_studies->setMatches(std::move(out.matches));
        m_studyView->resizeColumnsToContents();
        m_studyView->sortByColumn(2, Qt::DescendingOrder);  // newest first
        const QString text = n == 0 ? tr("No matching studies.") : tr("%n matching studies.", nullptr, n);
        m_status->setText(text);
        Q_EMIT searchFinished(n, text);
    }
    updateButtons();
    if (m_pendingSeries) {
        m_pendingSeries = false;
        onStudyChanged();
    }
}

void PacsQueryDialog::onStudyChanged() {
    // The study whose series are shown: the current row, else the first selected one.
    QModelIndex current = m_studyView->selectionModel()->currentIndex();
    const QModelIndexList selected = m_studyView->selectionModel()->selectedRows();
    if (!current.isValid() && !selected.isEmpty()) current = selected.first();
    if (!current.isValid() || m_studies->rowCount() == 0) {
        m_seriesStudy.clear();
        m_series->setMatches({});
        return;
    }
    if (m_query->isRunning()) {
        m_pendingSeries = true;
        return;
    }
    const pacs::QueryMatch& study = m_studies->match(m_studiesSorted->mapToSource(current).row());
    if (study.studyInstanceUid == m_seriesStudy) return;  // already shown
    m_seriesStudy = study.studyInstanceUid;
    m_series->setMatches({});
    pacs::QueryFilter filter;
    filter.level = pacs::QueryLevel::Series;
    filter.studyInstanceUid = study.studyInstanceUid;
    startQuery(filter, true);
}

QList<RetrieveItem> PacsQueryDialog::selection() const {
    QList<RetrieveItem> items;
    for (const QModelIndex& row : m_seriesView->selectionModel()->selectedRows()) {
        const pacs::QueryMatch& m = m_series->match(m_seriesSorted->mapToSource(row).row());
        items.append({m.studyInstanceUid, m.seriesInstanceUid, m.seriesRelatedInstances});
    }
    if (!items.isEmpty()) return items;
    for (const QModelIndex& row : m_studyView->selectionModel()->selectedRows()) {
        const pacs::QueryMatch& m = m_studies->match(m_studiesSorted->mapToSource(row).row());
        items.append({m.studyInstanceUid, {}, m.studyRelatedInstances});
    }
    return items;
}

void PacsQueryDialog::updateButtons() {
    m_search->setEnabled(!m_servers.isEmpty() && !m_query->isRunning());
    m_retrieve->setEnabled(!selection().isEmpty());
}

}  // namespace cxr::ui
