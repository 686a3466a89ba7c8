#pragma once
// ExportReviewedDialog: "Export Reviewed Films…": the reviewed films with the reviewers' labels
// written as a training folder (train|test/NORMAL|PNEUMONIA, de-identified names, a provenance
// CSV) by core's exportReviewed, off the GUI thread with progress and Cancel; then "Train on
// These Films…" opens the training wizard on the new folder.
#include <memory>

#include <QDialog>

#include "core/common/cancel_token.h"

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace cxr::ui {

class SharedRecords;

class ExportReviewedDialog : public QDialog {
    Q_OBJECT
public:
    ExportReviewedDialog(std::shared_ptr<SharedRecords> records, QWidget* parent = nullptr);
    ~ExportReviewedDialog() override;

    void setFolder(const QString& folder);
    void setTestShare(double fraction);  // 0..0.5: each label's share kept apart as test/
    // Starts the export (what the Export button does).
    void start();
    bool isRunning() const { return m_running; }
    QString resultText() const;
    QString exportedFolder() const { return m_done; }

Q_SIGNALS:
    // "Train on These Films…": the folder to train on.
    void trainRequested(const QString& folder);

private:
    void browse();
    void finish(const QString& summary, bool ok);

    std::shared_ptr<SharedRecords> m_records;
    QLineEdit* m_folder = nullptr;
    QDoubleSpinBox* m_testShare = nullptr;
    QCheckBox* m_links = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_result = nullptr;
    QPushButton* m_export = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_train = nullptr;
    CancelTokenPtr m_cancelToken;
    bool m_running = false;
    QString m_done;
};

}  // namespace cxr::ui
