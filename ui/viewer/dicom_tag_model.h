#pragma once
// DicomTagModel: the film's DICOM elements as a table (tag, name, VR, value). Patient and study
// identifiers are marked (icon, bold, tinted row, tooltip) so nobody copies them unawares.
#include <vector>

#include <QAbstractTableModel>

#include "core/imaging/film.h"

namespace cxr::ui {

class DicomTagModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TagColumn, NameColumn, ValueColumn, VrColumn, ColumnCount };
    static constexpr int IdentifyingRole = Qt::UserRole + 1;

    explicit DicomTagModel(QObject* parent = nullptr);

    void setTags(std::vector<imaging::DicomTag> tags);
    int identifyingCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<imaging::DicomTag> m_tags;
};

}  // namespace cxr::ui
