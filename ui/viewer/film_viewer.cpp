#include "ui/viewer/film_viewer.h"

#include <cmath>

#include <QAction>
#include <QActionGroup>
#include <QEvent>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPainter>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "ui/common/icons.h"
#include "ui/common/message_page.h"
#include "ui/common/qt_convert.h"
#include "ui/viewer/film_image.h"
#include "ui/viewer/film_view.h"

namespace cxr::ui {
namespace {

QLabel* makeAnnotation(QWidget* parent, Qt::Alignment align) {
    auto* label = new QLabel(parent);
    label->setAttribute(Qt::WA_TransparentForMouseEvents);
    label->setAlignment(align);
    label->setStyleSheet(QStringLiteral(
        "QLabel { color: #f0f0f0; background: rgba(0,0,0,140); padding: 3px 6px; border-radius: 3px; }"));
    label->hide();
    return label;
}

QString number(double value, double range) {
    return QString::number(value, 'f', range >= 100.0 ? 0 : (range >= 10.0 ? 1 : 2));
}

}  // namespace

FilmViewer::FilmViewer(QWidget* parent) : QWidget(parent) {
    m_stack = new QStackedWidget(this);
    m_message = new MessagePage(m_stack);
    m_view = new FilmView(m_stack);
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_view);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_topLeft = makeAnnotation(m_view, Qt::AlignLeft | Qt::AlignTop);
    m_topRight = makeAnnotation(m_view, Qt::AlignRight | Qt::AlignTop);
    m_bottomLeft = makeAnnotation(m_view, Qt::AlignLeft | Qt::AlignBottom);
    m_bottomRight = makeAnnotation(m_view, Qt::AlignRight | Qt::AlignBottom);
    m_view->installEventFilter(this);

    m_renderTimer = new QTimer(this);
    m_renderTimer->setSingleShot(true);
    m_renderTimer->setInterval(0);
    connect(m_renderTimer, &QTimer::timeout, this, [this] { renderFilm(true); });

    connect(m_view, &FilmView::viewChanged, this, &FilmViewer::updateAnnotations);
    connect(m_view, &FilmView::cursorOverFilm, this, &FilmViewer::updateCursorValue);
    connect(m_view, &FilmView::windowDragStarted, this, [this] { m_dragStartWindow = m_window; });
    connect(m_view, &FilmView::windowDragged, this, [this](double dx, double dy) {
        setWindow(m_levels.dragged(m_dragStartWindow, dx, dy));
    });

    createActions();
    showPlaceholder(tr("No film open"), tr("Drop films or folders here, or use File ▸ Open."));
}

void FilmViewer::createActions() {
    auto add = [this](QList<QAction*>& list, const QString& iconName, const QString& text,
                      QList<QKeySequence> keys, auto slot) {
        auto* action = new QAction(iconName.isEmpty() ? QIcon() : icon(iconName), text, this);
        action->setShortcuts(keys);
        connect(action, &QAction::triggered, m_view, slot);
        list.append(action);
        return action;
    };
    add(m_navigationActions, "zoom-in", tr("Zoom &In"), {QKeySequence::ZoomIn, Qt::Key_Plus}, &FilmView::zoomIn);
    add(m_navigationActions, "zoom-out", tr("Zoom &Out"), {QKeySequence::ZoomOut, Qt::Key_Minus}, &FilmView::zoomOut);
    add(m_navigationActions, "zoom-fit", tr("&Fit to Window"), {Qt::Key_F}, &FilmView::fitToWindow);
    add(m_navigationActions, "zoom-actual", tr("&Actual Pixels (1:1)"), {Qt::Key_1}, &FilmView::actualSize);
    add(m_navigationActions, "rotate-left", tr("Rotate &Left"), {Qt::SHIFT | Qt::Key_R}, &FilmView::rotateLeft);
    add(m_navigationActions, "rotate-right", tr("Rotate &Right"), {Qt::Key_R}, &FilmView::rotateRight);
    add(m_navigationActions, "flip-horizontal", tr("Flip &Horizontally"), {}, &FilmView::flipHorizontally);
    add(m_navigationActions, "flip-vertical", tr("Flip &Vertically"), {}, &FilmView::flipVertically);
    add(m_navigationActions, "", tr("Reset &Orientation"), {}, &FilmView::resetOrientation);

    auto* group = new QActionGroup(this);
    group->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    const WindowPreset presets[] = {WindowPreset::File, WindowPreset::FullRange, WindowPreset::Lung, WindowPreset::Bone};
    int key = Qt::Key_1;
    for (WindowPreset preset : presets) {
        auto* action = new QAction(WindowLevel::presetName(preset), group);
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::ALT | key++));
        action->setData(static_cast<int>(preset));
        connect(action, &QAction::triggered, this, [this, preset] { setWindowPreset(preset); });
        m_windowActions.append(action);
    }
    m_windowActions.first()->setChecked(true);

    m_invertAction = new QAction(icon("invert"), tr("&Invert"), this);
    m_invertAction->setCheckable(true);
    m_invertAction->setShortcut(Qt::Key_I);
    connect(m_invertAction, &QAction::toggled, this, &FilmViewer::setInverted);
    m_windowActions.append(m_invertAction);

    m_overlayToggle = new QAction(icon("heatmap"), tr("Show &Heat Map"), this);
    m_overlayToggle->setCheckable(true);
    m_overlayToggle->setChecked(m_overlayEnabled);
    m_overlayToggle->setShortcut(Qt::Key_H);
    connect(m_overlayToggle, &QAction::toggled, this, &FilmViewer::setOverlayEnabled);
}

void FilmViewer::showPlaceholder(const QString& title, const QString& text) {
    m_film.reset();
    clearHeatMap();
    m_path.clear();
    m_view->clearFilm();
    m_message->setMessage(QStringLiteral("film-drop"), title, text);
    m_stack->setCurrentWidget(m_message);
}

void FilmViewer::showLoading(const QString& path) {
    if (m_path == path && m_film) {
        return;  // the same film stays on screen while its result is recomputed
    }
    m_film.reset();
    clearHeatMap();
    m_path = path;
    m_view->clearFilm();
    m_message->setMessage(QStringLiteral("hourglass"), tr("Opening %1…").arg(QFileInfo(path).fileName()),
                          QDir::toNativeSeparators(path));
    m_stack->setCurrentWidget(m_message);
}

void FilmViewer::showFilm(std::shared_ptr<const imaging::Film> film, const QString& path) {
    const bool sameFilm = film && film == m_film;
    m_film = std::move(film);
    m_path = path;
    if (!m_film) {
        showPlaceholder(tr("No film open"), {});
        return;
    }
    if (!sameFilm) {
        clearHeatMap();
        m_levels = WindowLevel(*m_film);
        m_preset = WindowPreset::File;
        m_window = m_levels.preset(WindowPreset::File);
        for (QAction* a : m_windowActions) {
            if (a != m_invertAction) {
                a->setChecked(a->data().toInt() == static_cast<int>(WindowPreset::File));
            }
        }
    }
    m_stack->setCurrentWidget(m_view);
    renderFilm(sameFilm);
}

void FilmViewer::showError(const QString& path, const QString& message) {
    m_film.reset();
    clearHeatMap();
    m_path = path;
    m_view->clearFilm();
    m_message->setMessage(QStringLiteral("film-error"), tr("Could not open %1").arg(QFileInfo(path).fileName()),
                          message);
    m_stack->setCurrentWidget(m_message);
}

void FilmViewer::setBusyNote(const QString& note) {
    m_topRight->setText(note);
    m_topRight->setVisible(!note.isEmpty());
    layoutAnnotations();
}

bool FilmViewer::isShowingFilm() const { return m_stack->currentWidget() == m_view && m_film; }

bool FilmViewer::isShowingError() const { return m_stack->currentWidget() == m_message && !m_path.isEmpty() && !m_film; }

QString FilmViewer::shownMessage() const { return m_message->title() + QLatin1Char('\n') + m_message->text(); }

void FilmViewer::setHeatMap(const HeatLayer& heat) {
    m_heat = heat;
    renderHeat();
}

void FilmViewer::clearHeatMap() {
    m_heat = {};
    m_heatImage = {};
    m_view->clearOverlay();
}

bool FilmViewer::hasHeatMap() const { return m_heat.values != nullptr; }

void FilmViewer::setWindowPreset(WindowPreset preset) {
    if (!m_film) {
        return;
    }
    m_preset = preset;
    m_window = m_levels.preset(preset);
    for (QAction* a : m_windowActions) {
        if (a != m_invertAction) {
            a->setChecked(a->data().toInt() == static_cast<int>(preset));
        }
    }
    renderFilm(true);
    Q_EMIT windowChanged(m_window, m_preset);
}

void FilmViewer::setWindow(const imaging::DisplayWindow& window) {
    if (!m_film) {
        return;
    }
    m_window = window;
    m_preset = WindowPreset::Custom;
    for (QAction* a : m_windowActions) {
        if (a != m_invertAction) {
            a->setChecked(false);
        }
    }
    updateAnnotations();
    m_renderTimer->start();
    Q_EMIT windowChanged(m_window, m_preset);
}

void FilmViewer::setInverted(bool inverted) {
    if (m_invert == inverted) {
        return;
    }
    m_invert = inverted;
    m_invertAction->setChecked(inverted);
    if (m_film) {
        renderFilm(true);
    }
}

void FilmViewer::setOverlayOpacity(double opacity) {
    m_opacity = opacity;
    m_view->setOverlayOpacity(opacity);
}

void FilmViewer::setColormap(const QString& name) {
    if (m_colormap == name) {
        return;
    }
    m_colormap = name;
    renderHeat();
}

void FilmViewer::setOverlayEnabled(bool enabled) {
    if (m_overlayEnabled == enabled) {
        return;
    }
    m_overlayEnabled = enabled;
    m_overlayToggle->setChecked(enabled);
    m_view->setOverlayVisible(enabled && hasHeatMap());
    Q_EMIT overlayEnabledChanged(enabled);
}

void FilmViewer::renderFilm(bool keepView) {
    if (!m_film) {
        return;
    }
    // The file's own mapping (window or VOI LUT) until the user picks another window.
    const bool fileMapping = m_preset == WindowPreset::File;
    m_view->setFilmImage(filmToImage(*m_film, fileMapping ? std::nullopt : std::optional(m_window), m_invert),
                         keepView);
    updateAnnotations();
}

void FilmViewer::renderHeat() {
    if (!m_heat.values || m_heat.width <= 0 || m_heat.height <= 0) {
        return;
    }
    m_heatImage = heatToImage(*m_heat.values, m_heat.width, m_heat.height, m_colormap);
    m_view->setOverlayImage(m_heatImage);
    m_view->setOverlayOpacity(m_opacity);
    m_view->setOverlayVisible(m_overlayEnabled);
}

QImage FilmViewer::composedImage() const {
    if (!m_film) {
        return {};
    }
    const bool fileMapping = m_preset == WindowPreset::File;
    QImage out = filmToImage(*m_film, fileMapping ? std::nullopt : std::optional(m_window), m_invert)
                     .convertToFormat(QImage::Format_RGB32);
    if (!m_heatImage.isNull() && m_overlayEnabled) {
        QPainter painter(&out);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.setOpacity(m_opacity);
        painter.drawImage(out.rect(), m_heatImage);
    }
    return out;
}

void FilmViewer::updateAnnotations() {
    if (!m_film) {
        for (QLabel* l : {m_topLeft, m_bottomLeft, m_bottomRight}) {
            l->hide();
        }
        return;
    }
    const auto& meta = m_film->meta;
    QStringList facts{QStringLiteral("%1 × %2").arg(m_film->width).arg(m_film->height), toQString(meta.format)};
    for (const std::string& s : {meta.modality, meta.viewPosition}) {
        if (!s.empty()) {
            facts << toQString(s);
        }
    }
    m_topLeft->setText(QFileInfo(m_path).fileName() + QLatin1Char('\n') + facts.join(QStringLiteral(" · ")));

    const double range = m_levels.maxValue() - m_levels.minValue();
    QString wl;
    if (m_preset == WindowPreset::File && m_levels.fileUsesVoiLut()) {
        wl = tr("VOI LUT (from file)");
    } else {
        wl = tr("W %1  L %2").arg(number(m_window.width, range), number(m_window.center, range));
        wl += QStringLiteral("  (%1)").arg(WindowLevel::presetName(m_preset));
    }
    if (m_invert) {
        wl += QLatin1Char(' ') + tr("inverted");
    }
    QString geometry = tr("Zoom %1%").arg(std::lround(m_view->zoom() * 100.0));
    if (m_view->rotation() != 0) {
        geometry += QLatin1String("  ") + tr("Rotated %1°").arg(m_view->rotation());
    }
    if (m_view->flippedHorizontally() || m_view->flippedVertically()) {
        geometry += QLatin1String("  ") + tr("Flipped");
    }
    m_bottomLeft->setText(wl + QLatin1Char('\n') + geometry);
    for (QLabel* l : {m_topLeft, m_bottomLeft}) {
        l->show();
    }
    layoutAnnotations();
}

void FilmViewer::updateCursorValue(const QPointF& filmPos, bool inside) {
    if (!m_film || !inside) {
        m_bottomRight->hide();
        return;
    }
    const int x = static_cast<int>(filmPos.x());
    const int y = static_cast<int>(filmPos.y());
    const double range = m_levels.maxValue() - m_levels.minValue();
    m_bottomRight->setText(tr("x %1  y %2\nvalue %3").arg(x).arg(y).arg(number(m_film->at(x, y), range)));
    m_bottomRight->show();
    layoutAnnotations();
}

void FilmViewer::layoutAnnotations() {
    const int margin = 8;
    const QRect area = m_view->rect().adjusted(margin, margin, -margin, -margin);
    for (QLabel* l : {m_topLeft, m_topRight, m_bottomLeft, m_bottomRight}) {
        l->adjustSize();
    }
    m_topLeft->move(area.topLeft());
    m_topRight->move(area.right() - m_topRight->width(), area.top());
    m_bottomLeft->move(area.left(), area.bottom() - m_bottomLeft->height());
    m_bottomRight->move(area.right() - m_bottomRight->width(), area.bottom() - m_bottomRight->height());
}

bool FilmViewer::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_view && event->type() == QEvent::Resize) {
        layoutAnnotations();
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace cxr::ui
