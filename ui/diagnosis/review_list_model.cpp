#include "ui/diagnosis/review_list_model.h"

#include <algorithm>

#include <QBrush>
#include <QColor>
#include <QFileInfo>
#include <QFont>
#include <QSet>

#include "ui/common/icons.h"
#include "ui/common/notice_text.h"

namespace cxr::ui {
namespace {

QString csvField(const QString& value) {
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) || value.contains(QLatin1Char('\n'))) {
        QString quoted = value;
        quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + quoted + QLatin1Char('"');
    }
    return value;
}

QString category(const ReviewItem& item) {
    switch (item.status) {
    case ReviewItem::Status::Failed:
        return QStringLiteral("failed");
    case ReviewItem::Status::Done:
        return item.positiveCall() ? QStringLiteral("positive") : QStringLiteral("negative");
    default:
        return QStringLiteral("pending");
    }
}

QString reviewCategory(const ReviewItem& item) {
    if (!item.verdict) {
        return QStringLiteral("unreviewed");
    }
    return item.verdict->agrees ? QStringLiteral("agreed") : QStringLiteral("disagreed");
}

}  // namespace

ReviewListModel::ReviewListModel(QObject* parent) : QAbstractTableModel(parent) {}

QList<int> ReviewListModel::addPaths(const QStringList& paths) {
    QList<int> rows;
    QStringList fresh;
    for (const QString& p : paths) {
        const int existing = rowOf(p);
        if (existing >= 0) {
            rows << existing;
        } else if (!fresh.contains(p)) {
            fresh << p;
        }
    }
    if (!fresh.isEmpty()) {
        const int first = static_cast<int>(m_items.size());
        beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
        for (const QString& p : fresh) {
            ReviewItem item;
            item.path = p;
            m_rows.insert(p, static_cast<int>(m_items.size()));
            rows << static_cast<int>(m_items.size());
            m_items.push_back(item);
        }
        endInsertRows();
    }
    return rows;
}

void ReviewListModel::clear() {
    beginResetModel();
    m_items.clear();
    m_rows.clear();
    endResetModel();
}

int ReviewListModel::rowOf(const QString& path) const { return m_rows.value(path, -1); }

void ReviewListModel::setItem(int row, const ReviewItem& item) {
    if (row < 0 || row >= m_items.size()) {
        return;
    }
    m_items[row] = item;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ReviewListModel::countWith(ReviewItem::Status status) const {
    return static_cast<int>(std::count_if(m_items.begin(), m_items.end(), [status](const auto& i) { return i.status == status; }));
}

int ReviewListModel::positiveCount() const {
    return static_cast<int>(std::count_if(m_items.begin(), m_items.end(), [](const auto& i) { return i.positiveCall(); }));
}

int ReviewListModel::reviewedCount() const {
    return static_cast<int>(std::count_if(m_items.begin(), m_items.end(), [](const auto& i) { return i.reviewed(); }));
}

QList<QPair<QString, QString>> ReviewListModel::models() const {
    QList<QPair<QString, QString>> found;
    QSet<QString> seen;
    for (const ReviewItem& i : m_items) {
        if (i.hasResult() && !i.modelSha256.isEmpty() && !seen.contains(i.modelSha256)) {
            seen.insert(i.modelSha256);
            found.append({i.modelSha256, i.modelName.isEmpty() ? i.modelSha256.left(12) : i.modelName});
        }
    }
    return found;
}

int ReviewListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_items.size()); }

int ReviewListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString ReviewListModel::callText(const ReviewItem& item) const {
    switch (item.status) {
    case ReviewItem::Status::Queued:
        return tr("Waiting");
    case ReviewItem::Status::Running:
        return tr("Analysing…");
    case ReviewItem::Status::Opened:
        return tr("No model");
    case ReviewItem::Status::Failed:
        return tr("Failed");
    case ReviewItem::Status::Done:
        return classTitle(item.label);
    }
    return {};
}

QString ReviewListModel::notesText(const ReviewItem& item) const {
    if (item.status == ReviewItem::Status::Failed) {
        return item.error;
    }
    return item.warnings.join(QStringLiteral("; "));
}

QString ReviewListModel::reviewText(const ReviewItem& item) const {
    if (!item.verdict) {
        return {};
    }
    if (item.verdict->agrees) {
        return tr("✓ Agreed");
    }
    const QString label = item.verdict->label == "other" ? tr("Other: %1").arg(QString::fromStdString(item.verdict->otherText))
                                                           : classTitle(QString::fromStdString(item.verdict->label));
    return tr("✗ %1").arg(label);
}

QString ReviewListModel::modelTip(const ReviewItem& item) const {
    if (item.modelSha256.isEmpty()) {
        return {};
    }
    return item.fromRecords ? tr("%1\nSHA-256 %2\nRead from the review records, not recomputed.").arg(item.modelName, item.modelSha256)
                            : tr("%1\nSHA-256 %2").arg(item.modelName, item.modelSha256);
}

QVariant ReviewListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_items.size()) {
        return {};
    }
    const ReviewItem& item = m_items[index.row()];
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (col) {
        case FileColumn:
            return QFileInfo(item.path).fileName();
        case CallColumn:
            return callText(item);
        case ProbabilityColumn:
            return item.hasResult() ? localeNumber(item.positiveProbability(), 3) : QString();
        case ReviewColumn:
            return reviewText(item);
        case ModelColumn:
            return item.hasResult() ? item.modelName : QString();
        case NotesColumn:
            return notesText(item);
        }
        break;
    case SortRole:
        switch (col) {
        case ProbabilityColumn:
            return item.positiveProbability();  // films without a result sort below every result
        case CallColumn:
            return category(item);
        case NotesColumn:
            return notesText(item);
        case ReviewColumn:
            return reviewCategory(item) + reviewText(item);
        case ModelColumn:
            return item.modelName.toLower();
        default:
            return QFileInfo(item.path).fileName().toLower();
        }
    case CategoryRole:
        return category(item);
    case ReviewRole:
        return reviewCategory(item);
    case ModelRole:
        return item.hasResult() ? item.modelSha256 : QString();
    case PathRole:
        return item.path;
    case Qt::ToolTipRole:
        if (col == FileColumn) {
            return item.path;
        }
        if (col == ModelColumn) {
            return modelTip(item);
        }
        if (col == ReviewColumn && item.verdict) {
            return QString::fromStdString(item.verdict->reviewer + " · " + item.verdict->createdAt +
                                          (item.verdict->note.empty() ? std::string() : "\n" + item.verdict->note));
        }
        return notesText(item).isEmpty() ? QVariant() : QVariant(notesText(item));
    case Qt::TextAlignmentRole:
        if (col == ProbabilityColumn) {
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
        break;
    case Qt::DecorationRole:
        if (col == FileColumn) {
            if (item.status == ReviewItem::Status::Failed) {
                return icon(QStringLiteral("film-error"));
            }
            if (item.status == ReviewItem::Status::Running) {
                return icon(QStringLiteral("hourglass"));
            }
            if (!item.warnings.isEmpty()) {
                return icon(QStringLiteral("warning"));
            }
        }
        break;
    case Qt::ForegroundRole:
        if (col == CallColumn && item.positiveCall()) {
            return QBrush(QColor(0xb0, 0x2a, 0x1e));
        }
        if (col == ReviewColumn && item.disagreed()) {
            return QBrush(QColor(0xb0, 0x2a, 0x1e));
        }
        if (col == ReviewColumn && item.reviewed()) {
            return QBrush(QColor(0x1e, 0x84, 0x49));
        }
        if (item.status == ReviewItem::Status::Failed || item.status == ReviewItem::Status::Queued) {
            return QBrush(QColor(0x80, 0x80, 0x80));
        }
        break;
    case Qt::FontRole:
        if (col == CallColumn && item.positiveCall()) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    }
    return {};
}

QVariant ReviewListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (section) {
        case FileColumn:
            return tr("Film");
        case CallColumn:
            return tr("Call");
        case ProbabilityColumn:
            return tr("P(pneumonia)");
        case ReviewColumn:
            return tr("Review");
        case ModelColumn:
            return tr("Model");
        case NotesColumn:
            return tr("Notes");
        }
    }
    if (role == Qt::ToolTipRole && section == ReviewColumn) {
        return tr("The latest reviewer's verdict on the model's call: agreed, or the reviewer's own label.");
    }
    if (role == Qt::ToolTipRole && section == ProbabilityColumn) {
        return tr("The model's probability of pneumonia; the call compares it with the model's threshold.");
    }
    return {};
}

QString ReviewListModel::toCsv(const QList<int>& rows) const {
    // Class columns follow the first film with a result, so every row has the same columns.
    QStringList classes;
    for (const ReviewItem& i : m_items) {
        if (i.hasResult()) {
            classes = i.classes;
            break;
        }
    }
    QStringList header{QStringLiteral("file"), QStringLiteral("status"), QStringLiteral("label")};
    for (const QString& c : classes) {
        header << QStringLiteral("p_") + c;
    }
    header << QStringLiteral("threshold") << QStringLiteral("warnings") << QStringLiteral("error")
           << QStringLiteral("model_sha256") << QStringLiteral("verdict") << QStringLiteral("reviewer_label");
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (int row : rows) {
        if (row < 0 || row >= m_items.size()) {
            continue;
        }
        const ReviewItem& i = m_items[row];
        QStringList f{csvField(i.path), category(i), csvField(i.label)};
        for (int c = 0; c < classes.size(); ++c) {
            const bool has = i.hasResult() && i.classes == classes && c < static_cast<int>(i.probabilities.size());
            f << (has ? QString::number(i.probabilities[static_cast<std::size_t>(c)], 'f', 6) : QString());
        }
        f << (i.hasResult() ? QString::number(i.threshold, 'f', 6) : QString()) << csvField(i.warnings.join(QLatin1String("; ")))
          << csvField(i.error) << i.modelSha256 << (i.verdict ? reviewCategory(i) : QString())
          << (i.verdict ? csvField(QString::fromStdString(i.verdict->label == "other" ? "other: " + i.verdict->otherText
                                                                                      : i.verdict->label))
                        : QString());
        out += f.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

}  // namespace cxr::ui
