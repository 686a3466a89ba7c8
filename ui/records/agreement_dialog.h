#pragma once
// AgreementDialog: how far reviewers agree with each model that diagnosed films here: the
// model's latest call against the reviewer's latest label as a confusion matrix, with
// sensitivity, specificity and agreement and their 95 % Wilson intervals. The figures are
// core's (workflows::agreementStats), the same `cxr records stats` prints; this only draws them.
#include <memory>
#include <vector>

#include <QDialog>

#include "core/workflows/review_records.h"

class QComboBox;
class QLabel;
class QTableWidget;

namespace cxr::ui {

class SharedRecords;

class AgreementDialog : public QDialog {
    Q_OBJECT
public:
    // `preferredModel`: the SHA-256 of the model to show first (the loaded one), if it has any.
    AgreementDialog(std::shared_ptr<SharedRecords> records, const QString& preferredModel, QWidget* parent = nullptr);

    bool isLoaded() const { return m_loaded; }
    QTableWidget* matrix() const { return m_matrix; }
    QString figuresText() const;
    void showModel(int index);

private:
    QComboBox* m_model = nullptr;
    QLabel* m_heading = nullptr;
    QTableWidget* m_matrix = nullptr;
    QLabel* m_figures = nullptr;
    std::vector<workflows::AgreementStats> m_stats;
    bool m_loaded = false;
};

}  // namespace cxr::ui
