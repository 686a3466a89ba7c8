#include "ui/records/records_session.h"


#include "core/common/error.h"
#include "ui/common/app_settings.h"
#include "ui/common/background.h"
#include "ui/common/error_reporter.h"
#include "ui/common/qt_convert.h"
#include "ui/records/shared_records.h"

namespace cxr::ui {
namespace {

struct OpenOutcome {
    std::shared_ptr<SharedRecords> records;
    QString error;
};

}  // namespace

RecordsSession::RecordsSession(QObject* parent) : QObject(parent) {}

RecordsSession::~RecordsSession() = default;

QString RecordsSession::reviewer() { return AppSettings().reviewerName().trimmed(); }

void RecordsSession::open() {
    if (!AppSettings().keepRecords()) {
        m_records.reset();
        m_unavailable = tr("Review records are off (Settings ▸ General).");
        Q_EMIT opened(false);
        return;
    }
    m_opening = true;
    const auto file = records::RecordsDb::defaultPath();
    m_path = toQString(file.string());
    records::RecordsOptions options;
    options.keepPatientIdentity = AppSettings().keepPatientIdentity();
    runInBackground(this, [file, options] {
        OpenOutcome outcome;
        try {
            outcome.records = std::make_shared<SharedRecords>(records::RecordsDb::open(file, options), options.keepPatientIdentity);
        } catch (...) {
            outcome.error = ErrorReporter::describeCurrent();
        }
        return outcome;
    }, [this](const OpenOutcome& outcome) {
        m_opening = false;
        m_records = outcome.records;
        m_unavailable.clear();
        if (!m_records) {
            m_unavailable = tr("Review records unavailable: %1").arg(outcome.error);
        } else if (!m_records->writable()) {
            m_unavailable = tr("Review records are read-only: %1 — calls and verdicts are not kept.").arg(m_path);
        }
        Q_EMIT opened(m_records != nullptr);
    });
}

void RecordsSession::recordVerdict(const records::VerdictRecord& verdict) {
    const std::shared_ptr<SharedRecords> shared = m_records;
    if (!shared) {
        Q_EMIT verdictFailed(m_unavailable);
        return;
    }
    records::VerdictRecord v = verdict;
    if (v.reviewer.empty()) {
        v.reviewer = reviewer().toStdString();  // still empty: the database names the OS user
    }
    runInBackground(this, [shared, v]() -> std::pair<std::optional<records::VerdictRecord>, QString> {
        try {
            return shared->with([&](records::RecordsDb& db) {
                const std::int64_t id = db.recordVerdict(v);
                for (const records::VerdictRecord& stored : db.verdictsOf(v.filmSha256)) {
                    if (stored.id == id) {
                        return std::make_pair(std::optional<records::VerdictRecord>(stored), QString());
                    }
                }
                return std::make_pair(std::optional<records::VerdictRecord>(v), QString());
            });
        } catch (...) {
            return {std::nullopt, ErrorReporter::describeCurrent()};
        }
    }, [this](const std::pair<std::optional<records::VerdictRecord>, QString>& outcome) {
        if (outcome.first) {
            Q_EMIT verdictRecorded(*outcome.first);
        } else {
            Q_EMIT verdictFailed(outcome.second);
        }
    });
}

void RecordsSession::readSession(const QStringList& entries) {
    const std::shared_ptr<SharedRecords> shared = m_records;
    runInBackground(this, [shared, entries] {
        QVector<ReviewItem> items;
        for (const QString& entry : entries) {
            const int tab = static_cast<int>(entry.indexOf(QLatin1Char('\t')));
            const QString sha = tab > 0 ? entry.left(tab) : QString();
            const QString path = tab > 0 ? entry.mid(tab + 1) : entry;
            if (path.isEmpty()) {
                continue;
            }
            std::optional<records::DiagnosisRecord> diagnosis;
            std::optional<records::VerdictRecord> verdict;
            if (shared && !sha.isEmpty()) {
                try {
                    shared->with([&](const records::RecordsDb& db) {
                        diagnosis = db.latestDiagnosis(sha.toStdString(), {});
                        const auto verdicts = db.verdictsOf(sha.toStdString());
                        if (!verdicts.empty()) verdict = verdicts.back();
                    });
                } catch (...) {
                    diagnosis.reset();  // read as unknown: the film is run again
                }
            }
            ReviewItem item;
            if (diagnosis) {
                item.applyRecorded(*diagnosis);
            }
            item.path = path;  // where the user opened it, which the records may know by another name
            item.verdict = verdict;
            items << item;
        }
        return items;
    }, [this](const QVector<ReviewItem>& items) { Q_EMIT sessionRead(items); });
}

}  // namespace cxr::ui
