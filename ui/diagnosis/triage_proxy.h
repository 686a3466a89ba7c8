#pragma once
// TriageProxy: sorts the review list numerically (P(pneumonia) as a number, not as text) and
// filters it by call: all, pneumonia, normal, failed, not yet analysed.
#include <QSortFilterProxyModel>

namespace cxr::ui {

class TriageProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Filter { All, Positive, Negative, Failed, Pending };

    explicit TriageProxy(QObject* parent = nullptr);

    void setCallFilter(Filter filter);
    Filter callFilter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    Filter m_filter = Filter::All;
};

}  // namespace cxr::ui
