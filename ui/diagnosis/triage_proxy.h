#pragma once
// TriageProxy: sorts the review list numerically (P(pneumonia) as a number, not as text) and
// filters it by call (all, pneumonia, normal, failed, not yet analysed), by review (not yet
// reviewed, reviewer disagreed) and by the model behind the call.
#include <QSortFilterProxyModel>

namespace cxr::ui {

class TriageProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Filter { All, Positive, Negative, Failed, Pending, Unreviewed, Disagreements };

    explicit TriageProxy(QObject* parent = nullptr);

    void setCallFilter(Filter filter);
    Filter callFilter() const { return m_filter; }
    // Only calls by the model with this SHA-256; empty: any model.
    void setModelFilter(const QString& sha256);
    QString modelFilter() const { return m_model; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    Filter m_filter = Filter::All;
    QString m_model;
};

}  // namespace cxr::ui
