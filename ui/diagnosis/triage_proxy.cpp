#include "ui/diagnosis/triage_proxy.h"

#include "ui/diagnosis/review_list_model.h"

namespace cxr::ui {

TriageProxy::TriageProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(ReviewListModel::SortRole);
    setDynamicSortFilter(true);
}

void TriageProxy::setCallFilter(Filter filter) {
    if (m_filter == filter) {
        return;
    }
    m_filter = filter;
    invalidateFilter();
}

bool TriageProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (m_filter == Filter::All) {
        return true;
    }
    const QString category =
        sourceModel()->index(sourceRow, 0, sourceParent).data(ReviewListModel::CategoryRole).toString();
    switch (m_filter) {
    case Filter::Positive:
        return category == QLatin1String("positive");
    case Filter::Negative:
        return category == QLatin1String("negative");
    case Filter::Failed:
        return category == QLatin1String("failed");
    case Filter::Pending:
        return category == QLatin1String("pending");
    case Filter::All:
        break;
    }
    return true;
}

}  // namespace cxr::ui
