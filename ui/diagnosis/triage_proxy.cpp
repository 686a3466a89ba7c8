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

void TriageProxy::setModelFilter(const QString& sha256) {
    if (m_model == sha256) {
        return;
    }
    m_model = sha256;
    invalidateFilter();
}

bool TriageProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_model.isEmpty() && index.data(ReviewListModel::ModelRole).toString() != m_model) {
        return false;
    }
    if (m_filter == Filter::All) {
        return true;
    }
    const QString category = index.data(ReviewListModel::CategoryRole).toString();
    const QString review = index.data(ReviewListModel::ReviewRole).toString();
    switch (m_filter) {
    case Filter::Unreviewed:
        return review == QLatin1String("unreviewed") && category != QLatin1String("failed");
    case Filter::Disagreements:
        return review == QLatin1String("disagreed");
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
