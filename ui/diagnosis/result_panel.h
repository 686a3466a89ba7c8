#pragma once
// ResultPanel: the model's answer for the film on screen: the call at the operating threshold,
// a bar per class, the threshold, out-of-domain warnings, timings and the model's identity.
// Without a model it says how to get one, with buttons for both ways.
#include <QWidget>

#include "ui/diagnosis/film_job.h"

class QAction;
class QFrame;
class QLabel;
class QToolButton;

namespace cxr::ui {

class ProbabilityBars;

class ResultPanel : public QWidget {
    Q_OBJECT
public:
    explicit ResultPanel(QWidget* parent = nullptr);

    // The "no model" notice offers these (Load model…, Train model…).
    void setModelActions(QAction* load, QAction* train);
    void setModelLoaded(bool loaded, const QString& loadingPath = {});

    void showNothing();
    void showBusy(const QString& path);
    void showResult(const FilmJobResult& result);
    void showFailure(const QString& path, const QString& message);

    QString callText() const;
    QString warningsText() const;

private:
    void setTitle(const QString& path);

    QLabel* m_title = nullptr;
    QFrame* m_noModel = nullptr;
    QLabel* m_noModelText = nullptr;
    QToolButton* m_loadButton = nullptr;
    QToolButton* m_trainButton = nullptr;
    QLabel* m_call = nullptr;
    QLabel* m_callDetail = nullptr;
    ProbabilityBars* m_bars = nullptr;
    QLabel* m_warnings = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_timing = nullptr;
    QLabel* m_model = nullptr;
};

}  // namespace cxr::ui
