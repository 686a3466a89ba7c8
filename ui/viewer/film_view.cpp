#include "ui/viewer/film_view.h"

#include <algorithm>
#include <cmath>

#include <QGraphicsPixmapItem>
#include <QGraphicsScene>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTimer>
#include <QWheelEvent>

namespace cxr::ui {
namespace {

constexpr double kZoomStep = 1.25;
constexpr double kMinZoom = 0.01;
constexpr double kMaxZoom = 32.0;

}  // namespace

FilmView::FilmView(QWidget* parent) : QGraphicsView(parent) {
    auto* scene = new QGraphicsScene(this);
    setScene(scene);
    m_film = scene->addPixmap(QPixmap());
    m_film->setTransformationMode(Qt::SmoothTransformation);
    m_overlay = new QGraphicsPixmapItem(m_film);
    m_overlay->setTransformationMode(Qt::SmoothTransformation);
    m_overlay->setOpacity(0.5);
    m_overlay->setVisible(false);

    setBackgroundBrush(Qt::black);
    setFrameShape(QFrame::NoFrame);
    setAlignment(Qt::AlignCenter);
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setRenderHint(QPainter::SmoothPixmapTransform, true);
    setContextMenuPolicy(Qt::NoContextMenu);  // the right button is window/level
    setMouseTracking(true);
    // Drops go to the main window, which knows what to do with files.
    setAcceptDrops(false);
    viewport()->setAcceptDrops(false);
    setFocusPolicy(Qt::StrongFocus);
}

void FilmView::setFilmImage(const QImage& image, bool keepView) {
    const bool sameSize = hasFilm() && image.size() == filmSize();
    m_film->setPixmap(QPixmap::fromImage(image));
    scene()->setSceneRect(m_film->boundingRect());
    fitOverlayToFilm();
    if (!keepView || !sameSize) {
        fitToWindow();
        // Scroll bars and the surrounding layout settle during the next event-loop pass; fit
        // again then unless the user has zoomed meanwhile.
        QTimer::singleShot(0, this, [this] {
            if (m_fit) {
                fitToWindow();
            }
        });
    }
}

void FilmView::clearFilm() {
    m_film->setPixmap(QPixmap());
    clearOverlay();
    scene()->setSceneRect(QRectF());
}

bool FilmView::hasFilm() const { return !m_film->pixmap().isNull(); }

QSize FilmView::filmSize() const { return m_film->pixmap().size(); }

void FilmView::setOverlayImage(const QImage& image) {
    m_overlay->setPixmap(QPixmap::fromImage(image));
    m_overlaySize = image.size();
    fitOverlayToFilm();
}

void FilmView::clearOverlay() {
    m_overlay->setPixmap(QPixmap());
    m_overlaySize = QSize();
}

bool FilmView::hasOverlay() const { return !m_overlay->pixmap().isNull(); }

void FilmView::setOverlayVisible(bool visible) { m_overlay->setVisible(visible); }

bool FilmView::overlayVisible() const { return m_overlay->isVisible(); }

void FilmView::setOverlayOpacity(double opacity) { m_overlay->setOpacity(std::clamp(opacity, 0.0, 1.0)); }

double FilmView::overlayOpacity() const { return m_overlay->opacity(); }

void FilmView::fitOverlayToFilm() {
    if (m_overlaySize.isEmpty() || !hasFilm()) {
        return;
    }
    // The heat map covers the film exactly, whatever resolution it was computed at.
    const QSize film = filmSize();
    m_overlay->setTransform(QTransform::fromScale(double(film.width()) / m_overlaySize.width(),
                                                  double(film.height()) / m_overlaySize.height()));
}

QPointF FilmView::viewportToFilm(const QPointF& viewportPos) const {
    return m_film->mapFromScene(mapToScene(viewportPos.toPoint()));
}

QPointF FilmView::filmToViewport(const QPointF& filmPos) const {
    return mapFromScene(m_film->mapToScene(filmPos));
}

void FilmView::applyTransform() {
    // Qt composes right to left for a point: zoom, then rotate, then flip in screen space,
    // so a flip after a rotation mirrors what the user sees, as radiology viewers do.
    QTransform t;
    t.scale(m_flipH ? -1.0 : 1.0, m_flipV ? -1.0 : 1.0);
    t.rotate(m_rotation);
    t.scale(m_zoom, m_zoom);
    setTransform(t);
    Q_EMIT viewChanged();
}

void FilmView::zoomIn() { zoomAbout(kZoomStep, QRectF(viewport()->rect()).center()); }

void FilmView::zoomOut() { zoomAbout(1.0 / kZoomStep, QRectF(viewport()->rect()).center()); }

void FilmView::zoomAbout(double factor, const QPointF& viewportAnchor) {
    if (!hasFilm()) {
        return;
    }
    const QPointF anchorInScene = mapToScene(viewportAnchor.toPoint());
    m_zoom = std::clamp(m_zoom * factor, kMinZoom, kMaxZoom);
    m_fit = false;
    applyTransform();
    // Scroll so the scene point that was under the cursor is under it again.
    const QPointF delta = QPointF(mapFromScene(anchorInScene)) - viewportAnchor;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + static_cast<int>(std::lround(delta.x())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + static_cast<int>(std::lround(delta.y())));
}

void FilmView::fitToWindow() {
    m_fit = true;
    if (!hasFilm()) {
        return;
    }
    QSizeF film = filmSize();
    if (m_rotation % 180 != 0) {
        film.transpose();
    }
    // A pixel of slack: an exact fit can round up and bring in a scroll bar.
    const QSizeF room = QSizeF(viewport()->size()) - QSizeF(2, 2);
    m_zoom = std::clamp(std::min(room.width() / film.width(), room.height() / film.height()), kMinZoom, kMaxZoom);
    applyTransform();
    centerOn(m_film);
}

void FilmView::actualSize() {
    if (!hasFilm()) {
        return;
    }
    zoomAbout(1.0 / m_zoom, QRectF(viewport()->rect()).center());
}

void FilmView::rotateLeft() {
    m_rotation = (m_rotation + 270) % 360;
    m_fit ? fitToWindow() : applyTransform();
}

void FilmView::rotateRight() {
    m_rotation = (m_rotation + 90) % 360;
    m_fit ? fitToWindow() : applyTransform();
}

void FilmView::flipHorizontally() {
    m_flipH = !m_flipH;
    applyTransform();
}

void FilmView::flipVertically() {
    m_flipV = !m_flipV;
    applyTransform();
}

void FilmView::resetOrientation() {
    m_rotation = 0;
    m_flipH = m_flipV = false;
    fitToWindow();
}

void FilmView::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0.0) {
        zoomAbout(std::pow(kZoomStep, steps), event->position());
    }
    event->accept();
}

void FilmView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::RightButton && hasFilm()) {
        m_windowDrag = true;
        m_dragStart = event->position().toPoint();
        viewport()->setCursor(Qt::SizeAllCursor);
        Q_EMIT windowDragStarted();
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void FilmView::mouseMoveEvent(QMouseEvent* event) {
    if (m_windowDrag) {
        const QPoint d = event->position().toPoint() - m_dragStart;
        Q_EMIT windowDragged(d.x(), d.y());
        event->accept();
        return;
    }
    if (hasFilm()) {
        const QPointF p = viewportToFilm(event->position());
        const QSize s = filmSize();
        Q_EMIT cursorOverFilm(p, p.x() >= 0 && p.y() >= 0 && p.x() < s.width() && p.y() < s.height());
    }
    QGraphicsView::mouseMoveEvent(event);
}

void FilmView::mouseReleaseEvent(QMouseEvent* event) {
    if (m_windowDrag && event->button() == Qt::RightButton) {
        m_windowDrag = false;
        viewport()->unsetCursor();
        Q_EMIT windowDragFinished();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void FilmView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        m_fit ? actualSize() : fitToWindow();
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void FilmView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (m_fit) {
        fitToWindow();
    }
}

}  // namespace cxr::ui
