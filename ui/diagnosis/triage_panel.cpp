#include "ui/diagnosis/triage_panel.h"

#include <algorithm>

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSaveFile>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/common/app_settings.h"
#include "ui/common/error_reporter.h"
#include "ui/common/icons.h"
#include "ui/diagnosis/review_list_model.h"
#include "ui/diagnosis/triage_proxy.h"

namespace cxr::ui {

TriagePanel::TriagePanel(ReviewListModel* model, QWidget* parent) : QWidget(parent), m_model(model) {
    m_proxy = new TriageProxy(this);
    m_proxy->setSourceModel(model);

    m_filter = new QComboBox(this);
    m_filter->addItem(tr("All films"), static_cast<int>(TriageProxy::Filter::All));
    m_filter->addItem(tr("Pneumonia calls"), static_cast<int>(TriageProxy::Filter::Positive));
    m_filter->addItem(tr("Normal calls"), static_cast<int>(TriageProxy::Filter::Negative));
    m_filter->addItem(tr("Failed"), static_cast<int>(TriageProxy::Filter::Failed));
    m_filter->addItem(tr("Not analysed"), static_cast<int>(TriageProxy::Filter::Pending));
    m_filter->addItem(tr("Not reviewed"), static_cast<int>(TriageProxy::Filter::Unreviewed));
    m_filter->addItem(tr("Reviewer disagreed"), static_cast<int>(TriageProxy::Filter::Disagreements));
    m_filter->setObjectName(QStringLiteral("callFilter"));
    m_filter->setToolTip(tr("Show only films with this call or review"));
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setCallFilter(static_cast<TriageProxy::Filter>(m_filter->currentData().toInt()));
        updateSummary();
    });

    m_modelFilter = new QComboBox(this);
    m_modelFilter->setObjectName(QStringLiteral("modelFilter"));
    m_modelFilter->setToolTip(tr("Show only calls by this model"));
    m_modelFilter->addItem(tr("All models"), QString());
    m_modelFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_modelFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setModelFilter(m_modelFilter->currentData().toString());
        updateSummary();
    });

    m_export = new QToolButton(this);
    m_export->setIcon(icon(QStringLiteral("export-csv")));
    m_export->setToolTip(tr("Export the listed films and their calls as CSV"));
    m_export->setAutoRaise(true);
    connect(m_export, &QToolButton::clicked, this, &TriagePanel::exportCsv);

    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);  // the order films were opened, until a header is clicked
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);  // film names differ at their ends
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ReviewListModel::FileColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ReviewListModel::CallColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ReviewListModel::ProbabilityColumn, QHeaderView::ResizeToContents);
    // The film's name keeps the room; review, model and notes start narrow (elided, full text
    // in their tooltips) and can be widened.
    header->setSectionResizeMode(ReviewListModel::ReviewColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ReviewListModel::ModelColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ReviewListModel::NotesColumn, QHeaderView::Interactive);
    m_table->setColumnWidth(ReviewListModel::ReviewColumn, 110);
    m_table->setColumnWidth(ReviewListModel::ModelColumn, 70);
    m_table->setColumnWidth(ReviewListModel::NotesColumn, 60);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid()) {
                    Q_EMIT filmActivated(m_proxy->mapToSource(current).row());
                }
            });

    m_summary = new QLabel(this);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TriagePanel::updateSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TriagePanel::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TriagePanel::updateSummary);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_modelFilter);
    bar->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    updateSummary();
}

int TriagePanel::currentSourceRow() const {
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current).row() : -1;
}

QList<int> TriagePanel::visibleSourceRows() const {
    QList<int> rows;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        rows << m_proxy->mapToSource(m_proxy->index(r, 0)).row();
    }
    return rows;
}

QByteArray TriagePanel::saveHeaderState() const { return m_table->horizontalHeader()->saveState(); }

void TriagePanel::restoreHeaderState(const QByteArray& state) {
    if (!state.isEmpty()) {
        m_table->horizontalHeader()->restoreState(state);
    }
}

void TriagePanel::selectSourceRow(int row) {
    const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!proxyIndex.isValid()) {
        // Filtered out: show everything rather than silently not moving.
        m_filter->setCurrentIndex(0);
        m_modelFilter->setCurrentIndex(0);
    }
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (index.isValid()) {
        m_table->setCurrentIndex(index);
        m_table->scrollTo(index);
    }
}

void TriagePanel::moveBy(int delta) {
    if (m_proxy->rowCount() == 0) {
        return;
    }
    const QModelIndex current = m_table->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + delta, 0, m_proxy->rowCount() - 1) : 0;
    m_table->setCurrentIndex(m_proxy->index(row, 0));
}

void TriagePanel::selectNext() { moveBy(1); }

void TriagePanel::selectPrevious() { moveBy(-1); }

void TriagePanel::exportCsv() {
    AppSettings settings;
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export Triage List"), settings.lastFolder(QStringLiteral("exports")) + QStringLiteral("/triage.csv"),
        tr("CSV files (*.csv)"));
    if (file.isEmpty()) {
        return;
    }
    settings.setLastFolder(QStringLiteral("exports"), QFileInfo(file).absolutePath());
    exportCsvTo(file);
}

bool TriagePanel::exportCsvTo(const QString& file) {
    QSaveFile out(file);
    const QByteArray bytes = m_model->toCsv(visibleSourceRows()).toUtf8();
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        ErrorReporter::report(this, tr("Export failed"), tr("%1: %2").arg(file, out.errorString()));
        return false;
    }
    return true;
}

void TriagePanel::updateSummary() {
    const int total = m_model->rowCount();
    const int positive = m_model->positiveCount();
    const int failed = m_model->countWith(ReviewItem::Status::Failed);
    const int pending = m_model->countWith(ReviewItem::Status::Queued) + m_model->countWith(ReviewItem::Status::Running);
    QString text = tr("%n film(s)", nullptr, total);
    if (positive > 0) {
        text += QStringLiteral(" · ") + tr("%n pneumonia", nullptr, positive);
    }
    if (failed > 0) {
        text += QStringLiteral(" · ") + tr("%n failed", nullptr, failed);
    }
    if (pending > 0) {
        text += QStringLiteral(" · ") + tr("%n waiting", nullptr, pending);
    }
    if (const int reviewed = m_model->reviewedCount(); reviewed > 0) {
        text += QStringLiteral(" · ") + tr("%n reviewed", nullptr, reviewed);
    }
    m_summary->setText(text);
    updateModelChoices();
    m_export->setEnabled(total > 0);
}

void TriagePanel::updateModelChoices() {
    // Shown once calls come from more than one model: with one there is nothing to choose.
    const auto models = m_model->models();
    QStringList have;
    for (int i = 1; i < m_modelFilter->count(); ++i) {
        have << m_modelFilter->itemData(i).toString();
    }
    for (const auto& [sha, name] : models) {
        if (!have.contains(sha)) {
            m_modelFilter->addItem(name, sha);
            m_modelFilter->setItemData(m_modelFilter->count() - 1, tr("SHA-256 %1").arg(sha), Qt::ToolTipRole);
        }
    }
    m_modelFilter->setVisible(m_modelFilter->count() > 2 || m_modelFilter->currentIndex() > 0);
}

}  // namespace cxr::ui
