#include "ui/records/film_history_dialog.h"

#include <algorithm>

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ui/common/background.h"
#include "ui/common/error_reporter.h"
#include "ui/common/notice_text.h"
#include "ui/common/qt_convert.h"
#include "ui/diagnosis/review_item.h"
#include "ui/records/shared_records.h"

namespace cxr::ui {
namespace {

struct History {
    std::vector<records::DiagnosisRecord> diagnoses;
    std::vector<records::VerdictRecord> verdicts;
    QString error;
};

// One line of the table: a call or a verdict.
struct Event {
    std::string when;
    QStringList cells;
    bool verdict = false;
    bool disagrees = false;
};

QString localTime(const std::string& iso) {
    const QDateTime t = QDateTime::fromString(toQString(iso), Qt::ISODate);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : toQString(iso);
}

}  // namespace

FilmHistoryDialog::FilmHistoryDialog(std::shared_ptr<SharedRecords> records, const QString& filmSha256,
                                     const QString& filmName, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("History of %1").arg(filmName));
    m_heading = new QLabel(tr("Reading the review records…"), this);
    m_heading->setWordWrap(true);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("When"), tr("What"), tr("Model / reviewer"), tr("Call / label"), tr("P(pneumonia)"), tr("Details")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(900, 420);

    const std::string sha = filmSha256.toStdString();
    runInBackground(
        this,
        [records, sha] {
            History h;
            try {
                records->with([&](const records::RecordsDb& db) {
                    h.diagnoses = db.diagnosesOf(sha);
                    h.verdicts = db.verdictsOf(sha);
                });
            } catch (...) {
                h.error = ErrorReporter::describeCurrent();
            }
            return h;
        },
        [this, filmSha256](const History& h) {
            m_loaded = true;
            if (!h.error.isEmpty()) {
                m_heading->setText(h.error);
                return;
            }
            std::vector<Event> events;
            for (const records::DiagnosisRecord& d : h.diagnoses) {
                QStringList classes;
                for (const std::string& c : d.classes) classes << toQString(c);
                const int positive = positiveClassIndex(classes);
                const QString p = positive >= 0 && positive < static_cast<int>(d.probabilities.size())
                                      ? localeNumber(d.probabilities[static_cast<std::size_t>(positive)], 3)
                                      : QString();
                QStringList details;
                details << tr("threshold %1").arg(localeNumber(d.threshold, 3));
                if (!d.method.empty()) details << tr("explained by %1 on %2").arg(toQString(d.method), toQString(d.layer));
                for (const std::string& w : d.warnings) details << QStringLiteral("⚠ ") + noticeText(Notice(w));
                events.push_back({d.createdAt,
                                  {localTime(d.createdAt), tr("Call"),
                                   tr("%1 (%2)").arg(toQString(d.modelName), toQString(d.modelSha256).left(12)),
                                   classTitle(toQString(d.label)), p, details.join(QStringLiteral("; "))},
                                  false,
                                  false});
            }
            for (const records::VerdictRecord& v : h.verdicts) {
                const QString label = v.label == "other" ? tr("Other: %1").arg(toQString(v.otherText)) : classTitle(toQString(v.label));
                events.push_back({v.createdAt,
                                  {localTime(v.createdAt), v.agrees ? tr("Agreed") : tr("Disagreed"), toQString(v.reviewer),
                                   label, QString(), toQString(v.note)},
                                  true,
                                  !v.agrees});
            }
            std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.when < b.when; });
            m_table->setRowCount(static_cast<int>(events.size()));
            for (int r = 0; r < static_cast<int>(events.size()); ++r) {
                for (int c = 0; c < events[r].cells.size(); ++c) {
                    auto* cell = new QTableWidgetItem(events[r].cells[c]);
                    if (events[r].disagrees && (c == 1 || c == 3)) cell->setForeground(QColor(0xb0, 0x2a, 0x1e));
                    if (c == 4) cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                    m_table->setItem(r, c, cell);
                }
            }
            m_table->resizeColumnsToContents();
            m_heading->setText(tr("%n call(s) and %1 over time, oldest first. Film SHA-256 %2.", nullptr,
                                  static_cast<int>(h.diagnoses.size()))
                                   .arg(tr("%n verdict(s)", nullptr, static_cast<int>(h.verdicts.size())), filmSha256));
        });
}

}  // namespace cxr::ui
