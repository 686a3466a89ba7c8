#pragma once
// ResultsPage: the wizard's last page — the finished run's ResultsView, "Use this model"
// (makes the run the review model) and the PDF report export (de-identified unless ticked).
#include <filesystem>

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QPushButton;

namespace cxr::ui {

class ResultsView;

class ResultsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ResultsPage(QWidget* parent = nullptr);

    // The run shown; set before the page is entered (the wizard does it from its plan).
    void setRunDirectory(const std::filesystem::path& runDir);
    void initializePage() override;

    ResultsView* view() const { return m_view; }
    // Writes the report to `file`; false (and the reason shown) on failure.
    bool exportReport(const QString& file);

Q_SIGNALS:
    void useModel(const QString& runDir);

private:
    void askAndExport();

    std::filesystem::path m_runDir;
    ResultsView* m_view;
    QPushButton* m_use;
    QPushButton* m_export;
    QCheckBox* m_identifiers;
    QLabel* m_status;
};

}  // namespace cxr::ui
