#include "ui/viewer/dicom_tag_model.h"

#include <algorithm>

#include <QBrush>
#include <QColor>
#include <QFont>

#include "ui/common/icons.h"
#include "ui/common/qt_convert.h"

namespace cxr::ui {

DicomTagModel::DicomTagModel(QObject* parent) : QAbstractTableModel(parent) {}

void DicomTagModel::setTags(std::vector<imaging::DicomTag> tags) {
    beginResetModel();
    m_tags = std::move(tags);
    endResetModel();
}

int DicomTagModel::identifyingCount() const {
    return static_cast<int>(std::count_if(m_tags.begin(), m_tags.end(), [](const auto& t) { return t.identifying; }));
}

int DicomTagModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_tags.size());
}

int DicomTagModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DicomTagModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const imaging::DicomTag& tag = m_tags[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case TagColumn:
            return QStringLiteral("(%1,%2)")
                .arg(tag.group, 4, 16, QLatin1Char('0'))
                .arg(tag.element, 4, 16, QLatin1Char('0'))
                .toUpper();
        case NameColumn:
            return toQString(tag.name);
        case VrColumn:
            return toQString(tag.vr);
        case ValueColumn:
            return toQString(tag.value);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == TagColumn && tag.identifying) {
            return icon(QStringLiteral("patient"));
        }
        break;
    case Qt::FontRole:
        if (tag.identifying) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::BackgroundRole:
        if (tag.identifying) {
            return QBrush(QColor(255, 214, 140, 90));
        }
        break;
    case Qt::ToolTipRole:
        if (tag.identifying) {
            return tr("Identifies the patient or study. It is removed by de-identification and never "
                      "written to reports.");
        }
        return toQString(tag.value);
    case IdentifyingRole:
        return tag.identifying;
    }
    return {};
}

QVariant DicomTagModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TagColumn:
        return tr("Tag");
    case NameColumn:
        return tr("Name");
    case VrColumn:
        return tr("VR");
    case ValueColumn:
        return tr("Value");
    }
    return {};
}

}  // namespace cxr::ui
