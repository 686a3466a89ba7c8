#pragma once
// StatusPanel: the permanent part of the status bar: the loaded model (name, classes, SHA-256
// prefix, threshold), the compute device, the last action's timing, list progress, a note when
// the review records cannot be used, and the intended-use statement, always in sight.
#include <QObject>
#include <QString>

class QLabel;
class QStatusBar;

namespace cxr::ui {

struct ModelSummary {
    QString name;
    QStringList classes;
    QString sha256;
    double threshold = 0.5;
    QString device;
    QString source;
};

class StatusPanel : public QObject {
    Q_OBJECT
public:
    explicit StatusPanel(QStatusBar* bar);

    void setModel(const ModelSummary& model);
    void setNoModel(const QString& note);
    void setTiming(const QString& action, double milliseconds);
    void setProgress(int finished, int total);
    // Empty: records work (nothing shown); else why calls and verdicts are not being kept.
    void setRecordsNote(const QString& note, const QString& details = {});
    QString recordsNote() const;

    QString modelText() const;
    QString timingText() const;

private:
    QLabel* m_model = nullptr;
    QLabel* m_device = nullptr;
    QLabel* m_timing = nullptr;
    QLabel* m_progress = nullptr;
    QLabel* m_records = nullptr;
    QLabel* m_intendedUse = nullptr;
};

}  // namespace cxr::ui
