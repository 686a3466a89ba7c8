#pragma once
// FilmView: the zoomable, pannable picture of one film with its heat-map layer. The heat map is
// a child item of the film item, so zoom, pan, rotation and flips move both together and the
// overlay stays on the anatomy. Left-drag pans, the wheel zooms about the cursor, right-drag
// reports window/level movement (the owner maps it to a window: the view knows no pixels).
#include <QGraphicsView>
#include <QImage>
#include <QPoint>

class QGraphicsPixmapItem;

namespace cxr::ui {

class FilmView : public QGraphicsView {
    Q_OBJECT
public:
    explicit FilmView(QWidget* parent = nullptr);

    // Replaces the displayed film. `keepView`: same geometry, keep zoom/pan (window changes).
    void setFilmImage(const QImage& image, bool keepView);
    void clearFilm();
    bool hasFilm() const;
    QSize filmSize() const;

    // Any resolution; it is stretched over the film's full extent.
    void setOverlayImage(const QImage& image);
    void clearOverlay();
    bool hasOverlay() const;
    void setOverlayVisible(bool visible);
    bool overlayVisible() const;
    void setOverlayOpacity(double opacity);  // 0..1
    double overlayOpacity() const;

    double zoom() const { return m_zoom; }
    int rotation() const { return m_rotation; }  // degrees clockwise: 0, 90, 180, 270
    bool flippedHorizontally() const { return m_flipH; }
    bool flippedVertically() const { return m_flipV; }
    bool fitsWindow() const { return m_fit; }

    // Film pixel coordinates (x right, y down, in the film as stored) <-> viewport pixels.
    QPointF viewportToFilm(const QPointF& viewportPos) const;
    QPointF filmToViewport(const QPointF& filmPos) const;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void zoomAbout(double factor, const QPointF& viewportAnchor);
    void fitToWindow();
    void actualSize();
    void rotateLeft();
    void rotateRight();
    void flipHorizontally();
    void flipVertically();
    void resetOrientation();

Q_SIGNALS:
    void viewChanged();                         // zoom, rotation or flips changed
    void windowDragStarted();
    void windowDragged(double dx, double dy);   // viewport pixels since the drag started
    void windowDragFinished();
    void cursorOverFilm(QPointF filmPos, bool inside);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void applyTransform();
    void fitOverlayToFilm();

    QGraphicsPixmapItem* m_film = nullptr;
    QGraphicsPixmapItem* m_overlay = nullptr;  // child of m_film
    QSize m_overlaySize;
    double m_zoom = 1.0;
    int m_rotation = 0;
    bool m_flipH = false;
    bool m_flipV = false;
    bool m_fit = true;
    bool m_windowDrag = false;
    QPoint m_dragStart;
};

}  // namespace cxr::ui
