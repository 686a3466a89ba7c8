#pragma once
// ReviewController: runs the films of a review session through loading and diagnosis off the GUI
// thread, one background job for the list (in order, the film on screen first) and one for the
// film on screen (re-opened from a small cache, or the explanation re-run with a new method).
// Every result carries the model and a ticket; one that no longer matches what the user is
// looking at is dropped, so a slow film can never overwrite a newer choice.
#include <deque>
#include <memory>
#include <optional>

#include <QFutureWatcher>
#include <QObject>

#include "ui/diagnosis/film_job.h"
#include "ui/diagnosis/review_item.h"

namespace cxr::ui {

class ReviewListModel;
class SharedRecords;

class ReviewController : public QObject {
    Q_OBJECT
public:
    explicit ReviewController(ReviewListModel* model, QObject* parent = nullptr);
    ~ReviewController() override;

    void setDiagnoser(std::shared_ptr<const diagnosis::Diagnoser> diagnoser);
    std::shared_ptr<const diagnosis::Diagnoser> diagnoser() const { return m_diagnoser; }
    // New explanation method or layer: re-runs the film on screen; the list keeps its calls
    // (they do not depend on the explanation).
    void setOptions(const diagnosis::DiagnoseOptions& options);
    diagnosis::DiagnoseOptions options() const { return m_options; }

    // The review records: films this model already diagnosed are read back, not recomputed,
    // and new calls are kept. Null: no records (everything is computed, nothing kept).
    void setRecords(std::shared_ptr<SharedRecords> records);
    std::shared_ptr<SharedRecords> records() const { return m_records; }

    // Queues films not yet listed; returns their rows (existing rows for known paths).
    QList<int> addFiles(const QStringList& paths);
    // Lists films with the calls the records hold (the last session's list), without running
    // them; a model loaded later checks each against its own calls.
    QList<int> addRecorded(const QVector<ReviewItem>& items);
    // A verdict just recorded for the film in `row`.
    void setVerdict(int row, const records::VerdictRecord& verdict);
    void setCurrentRow(int row);
    int currentRow() const { return m_currentRow; }
    bool isIdle() const;

Q_SIGNALS:
    void currentLoading(const QString& path);
    // The film on screen is ready: a film, and a diagnosis when a model is loaded (a failed
    // diagnosis arrives here too, with the film and `error` set).
    void currentReady(const cxr::ui::FilmJobResult& result);
    void currentFailed(const QString& path, const QString& message);
    void currentBusy(const QString& note);  // empty when done
    void progressChanged(int finished, int total);
    void filmFinished(int row, double milliseconds);
    // A film went through but its call could not be kept in (or read from) the records.
    void recordsFailed(const QString& message);

private:
    void pump();
    void onBatchFinished();
    void onViewFinished();
    void startView(FilmJobRequest request);
    void deliver(const FilmJobResult& result);
    void record(int row, const FilmJobResult& result);
    void remember(const FilmJobResult& result);
    const FilmJobResult* cached(const QString& path) const;
    bool matchesModel(const FilmJobResult& result) const;
    FilmJobRequest requestFor(const QString& path, quint64 ticket) const;
    QString busyNote() const;
    void reportProgress();

    ReviewListModel* m_model = nullptr;
    std::shared_ptr<const diagnosis::Diagnoser> m_diagnoser;
    std::shared_ptr<SharedRecords> m_records;
    diagnosis::DiagnoseOptions m_options;
    int m_currentRow = -1;
    quint64 m_viewTicket = 0;

    QFutureWatcher<FilmJobResult>* m_batch = nullptr;
    bool m_batchBusy = false;  // a list job started and its result not yet taken
    QFutureWatcher<FilmJobResult>* m_view = nullptr;
    std::optional<FilmJobRequest> m_pendingView;
    std::deque<FilmJobResult> m_cache;  // most recent first
};

}  // namespace cxr::ui
