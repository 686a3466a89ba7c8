#pragma once
// QueryResultModel: the matches of a PACS query as a table (studies, or one study's series),
// one row per match. Display text is formatted for the user's locale; Qt::UserRole holds the
// raw value (YYYYMMDD dates, numbers) so a sort proxy orders them correctly.
#include <vector>

#include <QAbstractTableModel>

#include "core/pacs/query.h"

namespace cxr::ui {

class QueryResultModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit QueryResultModel(pacs::QueryLevel level, QObject* parent = nullptr);

    void setMatches(std::vector<pacs::QueryMatch> matches);
    const pacs::QueryMatch& match(int row) const { return m_matches.at(static_cast<size_t>(row)); }
    const std::vector<pacs::QueryMatch>& matches() const { return m_matches; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    enum class Column { PatientName, PatientId, Date, Modality, Accession, Description, SeriesNumber, Instances };
    std::vector<Column> m_columns;
    std::vector<pacs::QueryMatch> m_matches;
};

// "19700131" as the locale's short date ("31.01.70"); anything else as it is.
QString dicomDateText(const std::string& yyyymmdd);
// "DOE^JANE^^^" as "DOE JANE".
QString personNameText(const std::string& pn);

}  // namespace cxr::ui
