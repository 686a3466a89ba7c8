#include "ui/results/cam_examples_widget.h"

#include <QGridLayout>
#include <QLabel>
#include <QPixmap>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace cxr::ui {

CamExamplesWidget::CamExamplesWidget(QWidget* parent) : QWidget(parent) {
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_grid = new QGridLayout;
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(m_grid);
    connect(&m_watcher, &QFutureWatcher<std::vector<ExampleImage>>::finished, this, [this] {
        show(m_watcher.result());
        Q_EMIT rendered();
    });
}

CamExamplesWidget::~CamExamplesWidget() {
    m_watcher.waitForFinished();
}

void CamExamplesWidget::setRun(const std::filesystem::path& runDir, const std::vector<workflows::ExampleFilm>& films) {
    m_watcher.waitForFinished();
    show({});
    if (films.empty()) {
        m_status->setText(tr("No examples: the run has no test predictions yet."));
        return;
    }
    m_status->setText(tr("Explaining %n example film(s)…", nullptr, static_cast<int>(films.size())));
    m_watcher.setFuture(QtConcurrent::run([runDir, films] { return renderExamples(runDir, films, 220, true); }));
}

void CamExamplesWidget::show(const std::vector<ExampleImage>& images) {
    m_images = images;
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    int column = 0;
    for (const auto& e : images) {
        auto* picture = new QLabel(this);
        picture->setAlignment(Qt::AlignCenter);
        if (!e.overlay.isNull())
            picture->setPixmap(QPixmap::fromImage(e.overlay));
        else
            picture->setText(e.error);
        picture->setWordWrap(true);
        picture->setMinimumSize(160, 160);
        auto* caption = new QLabel(e.caption, this);
        caption->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
        caption->setWordWrap(true);
        m_grid->addWidget(picture, 0, column);
        m_grid->addWidget(caption, 1, column);
        ++column;
    }
    if (!images.empty())
        m_status->setText(tr("Grad-CAM of the PNEUMONIA class on layer4; red marks what drove the score up."));
}

}  // namespace cxr::ui
