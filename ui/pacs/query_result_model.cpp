#include "ui/pacs/query_result_model.h"

#include <QDate>
#include <QLocale>

namespace cxr::ui {

QString dicomDateText(const std::string& yyyymmdd) {
    const QDate d = QDate::fromString(QString::fromStdString(yyyymmdd), QStringLiteral("yyyyMMdd"));
    return d.isValid() ? QLocale().toString(d, QLocale::ShortFormat) : QString::fromStdString(yyyymmdd);
}

QString personNameText(const std::string& pn) {
    QString s = QString::fromStdString(pn);
    s.replace(QLatin1Char('^'), QLatin1Char(' '));
    return s.simplified();
}

QueryResultModel::QueryResultModel(pacs::QueryLevel level, QObject* parent) : QAbstractTableModel(parent) {
    if (level == pacs::QueryLevel::Study)
        m_columns = {Column::PatientName, Column::PatientId, Column::Date,        Column::Modality,
                     Column::Accession,   Column::Description, Column::Instances};
    else
        m_columns = {Column::SeriesNumber, Column::Modality, Column::Description, Column::Instances};
}

void QueryResultModel::setMatches(std::vector<pacs::QueryMatch> matches) {
    beginResetModel();
    m_matches = std::move(matches);
    endResetModel();
}

int QueryResultModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_matches.size());
}

int QueryResultModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant QueryResultModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::UserRole && role != Qt::ToolTipRole)) return {};
    const pacs::QueryMatch& m = m_matches.at(static_cast<size_t>(index.row()));
    const bool raw = role == Qt::UserRole;
    const auto count = [raw](int n) -> QVariant {
        if (n < 0) return raw ? QVariant(-1) : QVariant(QString());
        return raw ? QVariant(n) : QVariant(QLocale().toString(n));
    };
    switch (m_columns.at(static_cast<size_t>(index.column()))) {
    case Column::PatientName: return personNameText(m.patientName);
    case Column::PatientId: return QString::fromStdString(m.patientId);
    case Column::Date:
        return raw ? QVariant(QString::fromStdString(m.studyDate + m.studyTime)) : QVariant(dicomDateText(m.studyDate));
    case Column::Modality: return QString::fromStdString(m.modalities);
    case Column::Accession: return QString::fromStdString(m.accessionNumber);
    case Column::Description:
        return QString::fromStdString(m.level == pacs::QueryLevel::Study ? m.studyDescription : m.seriesDescription);
    case Column::SeriesNumber: return count(m.seriesNumber);
    case Column::Instances:
        return count(m.level == pacs::QueryLevel::Study ? m.studyRelatedInstances : m.seriesRelatedInstances);
    }
    return {};
}

QVariant QueryResultModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (m_columns.at(static_cast<size_t>(section))) {
    case Column::PatientName: return tr("Patient");
    case Column::PatientId: return tr("Patient ID");
    case Column::Date: return tr("Date");
    case Column::Modality: return tr("Modality");
    case Column::Accession: return tr("Accession");
    case Column::Description: return tr("Description");
    case Column::SeriesNumber: return tr("Series");
    case Column::Instances: return tr("Images");
    }
    return {};
}

}  // namespace cxr::ui
