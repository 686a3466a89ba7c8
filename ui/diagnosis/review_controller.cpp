#include "ui/diagnosis/review_controller.h"

#include <QtConcurrent/QtConcurrentRun>

#include "ui/common/notice_text.h"
#include "ui/common/qt_convert.h"
#include "ui/diagnosis/review_list_model.h"

namespace cxr::ui {
namespace {

constexpr std::size_t kCacheSize = 3;  // full films and heat maps are tens of MB each

bool sameOptions(const diagnosis::DiagnoseOptions& a, const diagnosis::DiagnoseOptions& b) {
    return a.method == b.method && a.layer == b.layer && a.targetClass == b.targetClass;
}

ReviewItem summarize(ReviewItem item, const FilmJobResult& r) {
    if (!r.filmSha256.isEmpty()) {
        item.filmSha256 = r.filmSha256;
    }
    if (r.verdict) {
        item.verdict = r.verdict;
    }
    if (r.recorded) {
        item.applyRecorded(*r.recorded);
        return item;
    }
    item.error = r.error;
    if (!r.ok()) {
        item.timeMs = r.loadMs + r.diagnoseMs;
        item.status = ReviewItem::Status::Failed;
        return item;
    }
    if (!r.diagnosis) {
        // Opened without a model: a call read back from the records stays listed.
        if (!item.hasResult()) {
            item.timeMs = r.loadMs;
            item.status = ReviewItem::Status::Opened;
        } else {
            item.status = ReviewItem::Status::Done;
        }
        return item;
    }
    item.timeMs = r.loadMs + r.diagnoseMs;
    if (r.diagnosisId != 0) {
        item.diagnosisId = r.diagnosisId;  // a heat-map re-run may finish before the list kept the call
    }
    item.fromRecords = false;
    const diagnosis::Diagnosis& d = *r.diagnosis;
    item.status = ReviewItem::Status::Done;
    item.classes.clear();
    for (const std::string& c : d.classes) {
        item.classes << toQString(c);
    }
    item.probabilities = d.probabilities;
    item.positiveIndex = positiveClassIndex(item.classes);
    item.label = toQString(d.label);
    item.threshold = d.threshold;
    item.warnings.clear();
    for (const Notice& w : d.warnings) {
        item.warnings << noticeText(w);
    }
    item.modelSha256 = toQString(d.modelSha256);
    if (r.diagnoser) {
        item.modelName = toQString(r.diagnoser->info().name);
    }
    return item;
}

}  // namespace

ReviewController::ReviewController(ReviewListModel* model, QObject* parent) : QObject(parent), m_model(model) {
    m_batch = new QFutureWatcher<FilmJobResult>(this);
    m_view = new QFutureWatcher<FilmJobResult>(this);
    connect(m_batch, &QFutureWatcher<FilmJobResult>::finished, this, &ReviewController::onBatchFinished);
    connect(m_view, &QFutureWatcher<FilmJobResult>::finished, this, &ReviewController::onViewFinished);
}

ReviewController::~ReviewController() {
    // Jobs own what they use, but finishing them here keeps LibTorch work out of shutdown.
    m_batch->waitForFinished();
    m_view->waitForFinished();
}

bool ReviewController::isIdle() const {
    return !m_batchBusy && !m_view->isRunning() && !m_pendingView &&
           m_model->countWith(ReviewItem::Status::Queued) == 0;
}

bool ReviewController::matchesModel(const FilmJobResult& result) const {
    return result.diagnoser.get() == m_diagnoser.get();
}

FilmJobRequest ReviewController::requestFor(const QString& path, quint64 ticket) const {
    FilmJobRequest request;
    request.path = path;
    request.ticket = ticket;
    request.diagnoser = m_diagnoser;
    request.options = m_options;
    request.records = m_records;
    if (const int row = m_model->rowOf(path); row >= 0) {
        request.knownSha256 = m_model->item(row).filmSha256;
    }
    if (const FilmJobResult* c = cached(path)) {
        request.film = c->film;  // no second decode
    }
    return request;
}

QString ReviewController::busyNote() const {
    return m_diagnoser ? tr("Analysing (%1, %2)…").arg(toQString(m_options.method), toQString(m_options.layer))
                       : tr("Opening…");
}

void ReviewController::setDiagnoser(std::shared_ptr<const diagnosis::Diagnoser> diagnoser) {
    m_diagnoser = std::move(diagnoser);
    // Films stay cached; their results belong to the old model.
    for (FilmJobResult& c : m_cache) {
        c.diagnosis.reset();
        c.diagnoser = m_diagnoser;
        c.error.clear();
    }
    for (int row = 0; row < m_model->rowCount(); ++row) {
        ReviewItem item = m_model->item(row);
        if (item.status != ReviewItem::Status::Running) {
            item.status = ReviewItem::Status::Queued;
            item.diagnosisId = 0;  // the new model's call, read back or computed, replaces it
            m_model->setItem(row, item);
        }
    }
    if (m_currentRow >= 0) {
        setCurrentRow(m_currentRow);
    }
    pump();
}

void ReviewController::setOptions(const diagnosis::DiagnoseOptions& options) {
    if (sameOptions(options, m_options)) {
        return;
    }
    m_options = options;
    if (m_currentRow >= 0 && m_diagnoser) {
        const ReviewItem& item = m_model->item(m_currentRow);
        if (item.status == ReviewItem::Status::Done) {
            Q_EMIT currentBusy(busyNote());
            startView(requestFor(item.path, ++m_viewTicket));
        }
    }
}

void ReviewController::setRecords(std::shared_ptr<SharedRecords> records) { m_records = std::move(records); }

QList<int> ReviewController::addRecorded(const QVector<ReviewItem>& items) {
    QStringList paths;
    for (const ReviewItem& i : items) {
        paths << i.path;
    }
    const QList<int> rows = m_model->addPaths(paths);
    for (int i = 0; i < rows.size(); ++i) {
        ReviewItem item = items[i];
        // With a model loaded, its own calls count: the job reads them back or computes them.
        if (m_diagnoser || !item.hasResult()) {
            item.status = ReviewItem::Status::Queued;
        }
        m_model->setItem(rows[i], item);
    }
    reportProgress();
    pump();
    return rows;
}

void ReviewController::setVerdict(int row, const records::VerdictRecord& verdict) {
    if (row < 0 || row >= m_model->rowCount()) {
        return;
    }
    ReviewItem item = m_model->item(row);
    item.verdict = verdict;
    m_model->setItem(row, item);
}

QList<int> ReviewController::addFiles(const QStringList& paths) {
    const QList<int> rows = m_model->addPaths(paths);
    reportProgress();
    pump();
    return rows;
}

void ReviewController::setCurrentRow(int row) {
    if (row < 0 || row >= m_model->rowCount()) {
        return;
    }
    m_currentRow = row;
    ++m_viewTicket;
    const ReviewItem& item = m_model->item(row);
    const FilmJobResult* c = cached(item.path);
    const bool complete = c && matchesModel(*c) &&
                          (!m_diagnoser || !c->ok() ||
                           (c->diagnosis && c->diagnosis->hasCam() && sameOptions(c->options, m_options)));
    if (complete) {
        Q_EMIT currentBusy(QString());
        deliver(*c);
        return;
    }
    if (c && c->film) {
        // Show the film at once; its result follows.
        FilmJobResult filmOnly = *c;
        filmOnly.diagnosis.reset();
        filmOnly.error.clear();
        deliver(filmOnly);
    } else {
        Q_EMIT currentLoading(item.path);
    }
    Q_EMIT currentBusy(busyNote());
    if (item.status == ReviewItem::Status::Queued || item.status == ReviewItem::Status::Running) {
        pump();  // the list job takes the film on screen first
    } else {
        startView(requestFor(item.path, m_viewTicket));
    }
}

void ReviewController::pump() {
    // Busy until onBatchFinished took the result, not only while the job runs: a job that
    // already finished but whose signal is still queued must not have its watcher's future
    // replaced (its result, and its row, would be lost). Films arriving one by one from a PACS
    // call pump() that quickly.
    if (m_batchBusy) {
        return;
    }
    int next = -1;
    if (m_currentRow >= 0 && m_model->item(m_currentRow).status == ReviewItem::Status::Queued) {
        next = m_currentRow;
    } else {
        for (int row = 0; row < m_model->rowCount() && next < 0; ++row) {
            if (m_model->item(row).status == ReviewItem::Status::Queued) {
                next = row;
            }
        }
    }
    if (next < 0) {
        reportProgress();
        return;
    }
    ReviewItem item = m_model->item(next);
    item.status = ReviewItem::Status::Running;
    m_model->setItem(next, item);
    FilmJobRequest request = requestFor(item.path, 0);
    // The list needs only the call; the heat map is computed for the film on screen.
    request.options.explain = next == m_currentRow;
    request.record = true;  // the list's calls are what the records keep
    m_batchBusy = true;
    m_batch->setFuture(QtConcurrent::run(runFilmJob, std::move(request)));
}

void ReviewController::onBatchFinished() {
    if (m_batch->future().resultCount() == 0) {
        return;  // the empty future set below to release a result
    }
    const FilmJobResult result = m_batch->result();
    m_batch->setFuture(QFuture<FilmJobResult>());  // the future's copy of the film goes now
    m_batchBusy = false;
    const int row = m_model->rowOf(result.path);
    if (!matchesModel(result)) {
        // The model changed while this film ran: run it again with the new one.
        if (row >= 0) {
            ReviewItem item = m_model->item(row);
            item.status = ReviewItem::Status::Queued;
            m_model->setItem(row, item);
        }
        pump();
        return;
    }
    record(row, result);
    if (row >= 0 && row == m_currentRow && !result.film && result.ok()) {
        // Read back from the records: the film and its heat map are made for the screen.
        startView(requestFor(result.path, m_viewTicket));
    } else if (row >= 0 && row == m_currentRow) {
        deliver(result);
        if (result.diagnosis && !result.diagnosis->hasCam()) {
            startView(requestFor(result.path, m_viewTicket));  // it became current while running
        } else {
            Q_EMIT currentBusy(QString());
        }
    }
    pump();
}

void ReviewController::startView(FilmJobRequest request) {
    if (m_view->isRunning()) {
        m_pendingView = std::move(request);  // only the newest wish survives
        return;
    }
    m_view->setFuture(QtConcurrent::run(runFilmJob, std::move(request)));
}

void ReviewController::onViewFinished() {
    if (m_view->future().resultCount() == 0) {
        return;
    }
    const FilmJobResult result = m_view->result();
    m_view->setFuture(QFuture<FilmJobResult>());
    if (m_pendingView) {
        FilmJobRequest next = std::move(*m_pendingView);
        m_pendingView.reset();
        startView(std::move(next));
    }
    if (!matchesModel(result)) {
        return;
    }
    const int row = m_model->rowOf(result.path);
    record(row, result);
    const bool stale = result.ticket != m_viewTicket || row != m_currentRow;
    if (!stale) {
        Q_EMIT currentBusy(QString());
        deliver(result);
    }
}

void ReviewController::record(int row, const FilmJobResult& result) {
    if (result.film) {
        remember(result);
    }
    if (!result.recordError.isEmpty()) {
        Q_EMIT recordsFailed(result.recordError);
    }
    if (row < 0) {
        return;
    }
    m_model->setItem(row, summarize(m_model->item(row), result));
    Q_EMIT filmFinished(row, result.loadMs + result.diagnoseMs);
    reportProgress();
}

void ReviewController::deliver(const FilmJobResult& result) {
    if (!result.film) {
        Q_EMIT currentFailed(result.path, result.error);
    } else {
        Q_EMIT currentReady(result);
    }
}

void ReviewController::remember(const FilmJobResult& result) {
    for (auto it = m_cache.begin(); it != m_cache.end(); ++it) {
        if (it->path == result.path) {
            m_cache.erase(it);
            break;
        }
    }
    m_cache.push_front(result);
    while (m_cache.size() > kCacheSize) {
        m_cache.pop_back();
    }
}

const FilmJobResult* ReviewController::cached(const QString& path) const {
    for (const FilmJobResult& c : m_cache) {
        if (c.path == path) {
            return &c;
        }
    }
    return nullptr;
}

void ReviewController::reportProgress() {
    const int total = m_model->rowCount();
    const int waiting = m_model->countWith(ReviewItem::Status::Queued) + m_model->countWith(ReviewItem::Status::Running);
    Q_EMIT progressChanged(total - waiting, total);
}

}  // namespace cxr::ui
