#pragma once
// ReviewListModel: the films of a review session, one row each, with their status and the
// model's call. The triage view sorts and filters it through TriageProxy; the controller fills it.
#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QVector>

#include "ui/diagnosis/review_item.h"

namespace cxr::ui {

class ReviewListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { FileColumn, CallColumn, ProbabilityColumn, ReviewColumn, ModelColumn, NotesColumn, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;     // numbers for numeric columns
    static constexpr int CategoryRole = Qt::UserRole + 2; // "positive", "negative", "failed", "pending"
    static constexpr int PathRole = Qt::UserRole + 3;
    static constexpr int ReviewRole = Qt::UserRole + 4;  // "unreviewed", "agreed", "disagreed"
    static constexpr int ModelRole = Qt::UserRole + 5;   // the SHA-256 of the model behind the call

    explicit ReviewListModel(QObject* parent = nullptr);

    // Appends films not yet listed; returns the row of each path (new or existing).
    QList<int> addPaths(const QStringList& paths);
    void clear();

    int rowOf(const QString& path) const;
    const ReviewItem& item(int row) const { return m_items.at(row); }
    void setItem(int row, const ReviewItem& item);
    int countWith(ReviewItem::Status status) const;
    int positiveCount() const;
    int reviewedCount() const;
    // The models behind the listed calls: SHA-256 → name, in order of first appearance.
    QList<QPair<QString, QString>> models() const;

    // CSV (RFC 4180) of the given rows in the given order: one line per film.
    QString toCsv(const QList<int>& rows) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString callText(const ReviewItem& item) const;
    QString notesText(const ReviewItem& item) const;
    QString reviewText(const ReviewItem& item) const;
    QString modelTip(const ReviewItem& item) const;

    QVector<ReviewItem> m_items;
    QHash<QString, int> m_rows;
};

}  // namespace cxr::ui
