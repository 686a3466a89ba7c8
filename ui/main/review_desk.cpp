#include "ui/main/review_desk.h"

#include <QAction>
#include <QFileInfo>
#include <QStatusBar>

#include "ui/common/app_settings.h"
#include "ui/common/error_reporter.h"
#include "ui/common/qt_convert.h"
#include "ui/diagnosis/review_controller.h"
#include "ui/diagnosis/review_list_model.h"
#include "ui/diagnosis/triage_panel.h"
#include "ui/main/status_panel.h"
#include "ui/records/agreement_dialog.h"
#include "ui/records/export_reviewed_dialog.h"
#include "ui/records/film_history_dialog.h"
#include "ui/records/records_session.h"
#include "ui/records/shared_records.h"
#include "ui/records/verdict_bar.h"

namespace cxr::ui {

ReviewDesk::ReviewDesk(QWidget* window, const ReviewActions& actions, ReviewController* controller,
                       const ReviewListModel* model, TriagePanel* triage, VerdictBar* bar, StatusPanel* status,
                       QStatusBar* statusBar, std::function<void(const QString&)> trainOn)
    : QObject(window),
      m_window(window),
      m_actions(actions),
      m_controller(controller),
      m_model(model),
      m_triage(triage),
      m_bar(bar),
      m_status(status),
      m_statusBar(statusBar),
      m_trainOn(std::move(trainOn)) {
    m_records = new RecordsSession(this);
    m_bar->setActions(m_actions.agree, m_actions.disagree, m_actions.filmHistory);
    connect(m_actions.agree, &QAction::triggered, this, [this] { giveVerdict(true); });
    connect(m_actions.disagree, &QAction::triggered, this, [this] { giveVerdict(false); });
    connect(m_actions.filmHistory, &QAction::triggered, this, &ReviewDesk::showFilmHistory);
    connect(m_actions.reviewerAgreement, &QAction::triggered, this, &ReviewDesk::showReviewerAgreement);
    connect(m_actions.exportReviewed, &QAction::triggered, this, &ReviewDesk::exportReviewedFilms);
    connect(m_records, &RecordsSession::opened, this, &ReviewDesk::onRecordsOpened);
    connect(m_records, &RecordsSession::sessionRead, this, [this](const QVector<ReviewItem>& items) {
        if (items.isEmpty()) return;
        const QList<int> rows = m_controller->addRecorded(items);
        if (m_controller->currentRow() < 0) m_triage->selectSourceRow(rows.first());
    });
    connect(m_records, &RecordsSession::verdictRecorded, this, &ReviewDesk::onVerdictRecorded);
    connect(m_records, &RecordsSession::verdictFailed, this, [this](const QString& message) {
        ErrorReporter::report(m_window, tr("Verdict not recorded"), message);
    });
    connect(m_controller, &ReviewController::recordsFailed, this, [this](const QString& message) {
        m_status->setRecordsNote(tr("Records: not kept"), message);
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& from, const QModelIndex& to) {
        const int row = m_controller->currentRow();
        if (row >= from.row() && row <= to.row()) updateVerdictBar();
    });
    connect(m_triage, &TriagePanel::filmActivated, this, &ReviewDesk::updateVerdictBar);
}

void ReviewDesk::openRecords() { m_records->open(); }

void ReviewDesk::settingsChanged() {
    const AppSettings now;
    const bool identityChanged =
        m_records->available() && now.keepPatientIdentity() != m_records->records()->keepsPatientIdentity();
    if ((now.keepRecords() != m_records->available() || identityChanged) && !m_records->isOpening()) {
        m_records->open();  // records turned on or off, or opened to keep patient identity or not
    }
}

QStringList ReviewDesk::sessionEntries() const {
    QStringList session;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const ReviewItem& item = m_model->item(row);
        session << (item.filmSha256.isEmpty() ? item.path : item.filmSha256 + QLatin1Char('\t') + item.path);
    }
    return session;
}

void ReviewDesk::onRecordsOpened(bool available) {
    m_controller->setRecords(m_records->records());
    const QString why = m_records->unavailableText();
    m_status->setRecordsNote(why.isEmpty() ? QString() : (available ? tr("Records read-only") : tr("Records off")), why);
    if (!why.isEmpty() && available) {
        m_statusBar->showMessage(why, 15000);
    } else if (!why.isEmpty() && AppSettings().keepRecords()) {
        m_statusBar->showMessage(tr("%1 CXR Studio works on without them.").arg(why), 15000);
    }
    for (QAction* a : {m_actions.reviewerAgreement, m_actions.exportReviewed}) {
        a->setEnabled(available);
    }
    updateVerdictBar();
    if (!m_sessionRestored) {
        m_sessionRestored = true;  // once per window: records turned on later do not add the list again
        m_records->readSession(AppSettings().reviewSession());
    }
}

void ReviewDesk::updateVerdictBar() {
    const int row = m_controller->currentRow();
    const ReviewItem* item = row >= 0 && row < m_model->rowCount() ? &m_model->item(row) : nullptr;
    QString unavailable;
    if (!m_records->available() || !m_records->records()->writable()) {
        unavailable = m_records->isOpening() ? tr("Opening the review records…") : m_records->unavailableText();
    } else if (item && item->hasResult() && item->filmSha256.isEmpty()) {
        unavailable = tr("This call is not in the review records (it was made before they opened); reopen the film to record it.");
    }
    m_bar->showFilm(item, unavailable);
    const bool usable = unavailable.isEmpty() && item && item->hasResult();
    m_actions.agree->setEnabled(usable);
    m_actions.disagree->setEnabled(usable);
    m_actions.filmHistory->setEnabled(m_records->available() && item && !item->filmSha256.isEmpty());
}

void ReviewDesk::giveVerdict(bool agrees) {
    const int row = m_controller->currentRow();
    if (row < 0 || !m_actions.agree->isEnabled()) {
        m_statusBar->showMessage(tr("A verdict needs a film with a call and the review records."), 10000);
        return;
    }
    const ReviewItem& item = m_model->item(row);
    records::VerdictRecord verdict;
    verdict.filmSha256 = item.filmSha256.toStdString();
    verdict.diagnosisId = item.diagnosisId;
    verdict.agrees = agrees;
    verdict.note = m_bar->note().toStdString();
    if (agrees) {
        verdict.label = item.label.toStdString();
    } else {
        const QString label = m_bar->disagreeLabel();
        if (label.isEmpty()) {
            m_statusBar->showMessage(tr("Choose your label for this film first."), 10000);
            return;
        }
        if (label == QLatin1String("other") && m_bar->otherText().isEmpty()) {
            m_statusBar->showMessage(tr("Say what the film shows instead, then press D again."), 10000);
            m_bar->askForOtherText();
            return;
        }
        verdict.label = label.toStdString();
        verdict.otherText = m_bar->otherText().toStdString();
    }
    m_records->recordVerdict(verdict);
    if (AppSettings().nextFilmAfterVerdict()) {
        m_triage->selectNext();  // the record follows in the background; a reviewer keeps going
    }
}

void ReviewDesk::onVerdictRecorded(const records::VerdictRecord& verdict) {
    const QString sha = QString::fromStdString(verdict.filmSha256);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->item(row).filmSha256 == sha) {
            m_controller->setVerdict(row, verdict);  // a film opened under two names is one film
        }
    }
    m_statusBar->showMessage(tr("Recorded: %1").arg(verdictSummary(verdict).section(QLatin1Char('\n'), 0, 0)), 5000);
    updateVerdictBar();
}

void ReviewDesk::showFilmHistory() {
    const int row = m_controller->currentRow();
    if (row < 0 || !m_records->available() || m_model->item(row).filmSha256.isEmpty()) {
        m_statusBar->showMessage(tr("History needs a film in the review records."), 10000);
        return;
    }
    const ReviewItem& item = m_model->item(row);
    auto* dialog = new FilmHistoryDialog(m_records->records(), item.filmSha256, QFileInfo(item.path).fileName(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void ReviewDesk::showReviewerAgreement() {
    if (!m_records->available()) {
        ErrorReporter::report(m_window, tr("Reviewer Agreement"), m_records->unavailableText());
        return;
    }
    const QString model = m_controller->diagnoser() ? toQString(m_controller->diagnoser()->info().sha256) : QString();
    auto* dialog = new AgreementDialog(m_records->records(), model, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void ReviewDesk::exportReviewedFilms() {
    if (!m_records->available()) {
        ErrorReporter::report(m_window, tr("Export Reviewed Films"), m_records->unavailableText());
        return;
    }
    auto* dialog = new ExportReviewedDialog(m_records->records(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportReviewedDialog::trainRequested, this, [this](const QString& folder) { m_trainOn(folder); });
    dialog->open();
}

}  // namespace cxr::ui
