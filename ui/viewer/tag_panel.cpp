#include "ui/viewer/tag_panel.h"

#include <algorithm>

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/common/qt_convert.h"
#include "ui/viewer/dicom_tag_model.h"

namespace cxr::ui {

TagPanel::TagPanel(QWidget* parent) : QWidget(parent) {
    m_model = new DicomTagModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter tags…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);

    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(DicomTagModel::TagColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    showFilm(nullptr);
}

void TagPanel::showFilm(const imaging::Film* film) {
    m_model->setTags(film ? film->tags : std::vector<imaging::DicomTag>{});
    m_table->resizeColumnsToContents();
    // Long element names must not push the values out of sight.
    m_table->setColumnWidth(DicomTagModel::NameColumn, std::min(m_table->columnWidth(DicomTagModel::NameColumn), 170));
    m_table->setColumnWidth(DicomTagModel::ValueColumn, std::min(m_table->columnWidth(DicomTagModel::ValueColumn), 240));
    const bool hasTags = m_model->rowCount() > 0;
    m_filter->setEnabled(hasTags);
    if (!film) {
        m_summary->setText(tr("No film open."));
    } else if (!hasTags) {
        m_summary->setText(tr("No DICOM tags: this film is a %1 file.").arg(toQString(film->meta.format)));
    } else {
        const int marked = m_model->identifyingCount();
        m_summary->setText(marked > 0 ? tr("%n patient or study field(s), marked in amber.", nullptr, marked)
                                      : tr("No patient fields in this file."));
    }
}

}  // namespace cxr::ui
