#pragma once
// CamExamplesWidget: a row of example test films (true/false positives/negatives) with their
// class activation maps, rendered in the background when a run is set.
#include <filesystem>
#include <vector>

#include <QFutureWatcher>
#include <QWidget>

#include "ui/results/cam_examples.h"

class QGridLayout;
class QLabel;

namespace cxr::ui {

class CamExamplesWidget : public QWidget {
    Q_OBJECT
public:
    explicit CamExamplesWidget(QWidget* parent = nullptr);
    ~CamExamplesWidget() override;

    void setRun(const std::filesystem::path& runDir, const std::vector<workflows::ExampleFilm>& films);
    const std::vector<ExampleImage>& images() const { return m_images; }
    bool isBusy() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    void rendered();

private:
    void show(const std::vector<ExampleImage>& images);

    QGridLayout* m_grid;
    QLabel* m_status;
    QFutureWatcher<std::vector<ExampleImage>> m_watcher;
    std::vector<ExampleImage> m_images;
};

}  // namespace cxr::ui
