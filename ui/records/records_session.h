#pragma once
// RecordsSession: the GUI's way to the review records. Opens the user's database off the GUI
// thread at start (when Settings keeps records), shares it with the film jobs, records verdicts
// and reads the last session's list back, every read and write on a pool thread. When the
// database cannot be used (locked, read-only, from a newer CXR Studio, damaged) it says why and
// the application works on without records.
#include <memory>

#include <QObject>
#include <QStringList>
#include <QVector>

#include "core/records/records_db.h"
#include "ui/diagnosis/review_item.h"

namespace cxr::ui {

class SharedRecords;

class RecordsSession : public QObject {
    Q_OBJECT
public:
    explicit RecordsSession(QObject* parent = nullptr);
    ~RecordsSession() override;

    // Opens the database (RecordsDb::defaultPath(): $CXR_RECORDS_DB or the user's data folder)
    // unless the user turned records off; ends in opened() either way.
    void open();
    bool isOpening() const { return m_opening; }
    std::shared_ptr<SharedRecords> records() const { return m_records; }
    bool available() const { return m_records != nullptr; }
    // Empty while records work; else why they do not, for the status bar and the verdict bar.
    QString unavailableText() const { return m_unavailable; }
    QString path() const { return m_path; }

    // The name verdicts carry: the one set in Settings, else the OS user.
    static QString reviewer();

    // Appends a verdict (a pool thread); verdictRecorded() carries it as stored.
    void recordVerdict(const records::VerdictRecord& verdict);
    // The list as it was: entries "SHA256<TAB>PATH" (or a bare path) from the last session.
    void readSession(const QStringList& entries);

Q_SIGNALS:
    void opened(bool available);
    void verdictRecorded(const cxr::records::VerdictRecord& verdict);
    void verdictFailed(const QString& message);
    // The films in their order: with their recorded calls and verdicts where the records have
    // them, else only the path (status Queued).
    void sessionRead(const QVector<cxr::ui::ReviewItem>& items);

private:
    std::shared_ptr<SharedRecords> m_records;
    QString m_unavailable;
    QString m_path;
    bool m_opening = false;
};

}  // namespace cxr::ui
