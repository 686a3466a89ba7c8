#pragma once
// ReviewDesk: the review records' side of the main window. It owns the RecordsSession and wires
// it to the rest: the Review menu's actions (Agree, Disagree, Film History, Reviewer Agreement,
// Export Reviewed Films), the verdict bar, the triage list's calls and verdicts, the status bar's
// records note, and the list that reopens at the next start. MainWindow builds the widgets and
// hands them over; the work itself is RecordsSession's and the dialogs'.
#include <functional>

#include <QObject>
#include <QStringList>

#include "core/records/records_db.h"

class QAction;
class QStatusBar;
class QWidget;

namespace cxr::ui {

class RecordsSession;
class ReviewController;
class ReviewListModel;
class StatusPanel;
class TriagePanel;
class VerdictBar;

// The Review menu's commands (MainActions owns them).
struct ReviewActions {
    QAction* agree = nullptr;
    QAction* disagree = nullptr;
    QAction* filmHistory = nullptr;
    QAction* reviewerAgreement = nullptr;
    QAction* exportReviewed = nullptr;
};

class ReviewDesk : public QObject {
    Q_OBJECT
public:
    // `window` parents the dialogs; `trainOn` opens the training wizard on a folder.
    ReviewDesk(QWidget* window, const ReviewActions& actions, ReviewController* controller, const ReviewListModel* model,
               TriagePanel* triage, VerdictBar* bar, StatusPanel* status, QStatusBar* statusBar,
               std::function<void(const QString& dataFolder)> trainOn);

    RecordsSession* session() const { return m_records; }
    // Opens the records (at start, and again when Settings turned them on or off or changed
    // whether patient identity is kept); the last session's list follows the first time.
    void openRecords();
    void settingsChanged();
    // The list as it is, for the next start: "SHA256<TAB>PATH" per film, a bare path when unhashed.
    QStringList sessionEntries() const;

    void giveVerdict(bool agrees);
    void showFilmHistory();
    void showReviewerAgreement();
    void exportReviewedFilms();

private:
    void onRecordsOpened(bool available);
    void onVerdictRecorded(const records::VerdictRecord& verdict);
    void updateVerdictBar();

    QWidget* m_window;
    ReviewActions m_actions;
    ReviewController* m_controller;
    const ReviewListModel* m_model;
    TriagePanel* m_triage;
    VerdictBar* m_bar;
    StatusPanel* m_status;
    QStatusBar* m_statusBar;
    std::function<void(const QString&)> m_trainOn;
    RecordsSession* m_records = nullptr;
    bool m_sessionRestored = false;
};

}  // namespace cxr::ui
