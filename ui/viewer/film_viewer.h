#pragma once
// FilmViewer: the centre of the window. Shows one film (or why there is none: nothing opened,
// still loading, or the film's error in place), owns its display state (window/level preset,
// invert, orientation through FilmView) and the heat-map layer (colour map, opacity, on/off),
// and draws the corner annotations radiology viewers show (film, W/L, zoom, value at cursor).
#include <memory>
#include <optional>
#include <vector>

#include <QImage>
#include <QWidget>

#include "core/imaging/film.h"
#include "ui/viewer/window_level.h"

class QAction;
class QLabel;
class QStackedWidget;
class QTimer;

namespace cxr::ui {

class FilmView;
class MessagePage;

struct HeatLayer {
    std::shared_ptr<const std::vector<float>> values;  // [0,1], row-major
    int width = 0;
    int height = 0;
};

class FilmViewer : public QWidget {
    Q_OBJECT
public:
    explicit FilmViewer(QWidget* parent = nullptr);

    // States of the centre area.
    void showPlaceholder(const QString& title, const QString& text);
    void showLoading(const QString& path);
    void showFilm(std::shared_ptr<const imaging::Film> film, const QString& path);
    void showError(const QString& path, const QString& message);
    // A spinner-like note in the corner while the explanation is being (re)computed.
    void setBusyNote(const QString& note);

    void setHeatMap(const HeatLayer& heat);
    void clearHeatMap();
    bool hasHeatMap() const;
    const HeatLayer& heatMap() const { return m_heat; }

    const imaging::Film* film() const { return m_film.get(); }
    QString filmPath() const { return m_path; }
    bool isShowingFilm() const;
    bool isShowingError() const;
    QString shownMessage() const;

    imaging::DisplayWindow window() const { return m_window; }
    WindowPreset windowPreset() const { return m_preset; }
    bool inverted() const { return m_invert; }
    double overlayOpacity() const { return m_opacity; }
    QString colormap() const { return m_colormap; }
    bool overlayEnabled() const { return m_overlayEnabled; }

    FilmView* view() const { return m_view; }
    // View-menu actions (zoom, fit, 1:1, rotate, flip, invert, presets, heat toggle).
    QList<QAction*> navigationActions() const { return m_navigationActions; }
    QList<QAction*> windowActions() const { return m_windowActions; }
    QAction* overlayToggleAction() const { return m_overlayToggle; }

    // The film at full resolution as displayed (window, invert) with the heat layer blended
    // in when shown, for "Export overlay PNG". Null when no film is shown.
    QImage composedImage() const;

public Q_SLOTS:
    void setWindowPreset(cxr::ui::WindowPreset preset);
    void setWindow(const cxr::imaging::DisplayWindow& window);
    void setInverted(bool inverted);
    void setOverlayOpacity(double opacity);
    void setColormap(const QString& name);
    void setOverlayEnabled(bool enabled);

Q_SIGNALS:
    void windowChanged(const cxr::imaging::DisplayWindow& window, cxr::ui::WindowPreset preset);
    void overlayEnabledChanged(bool enabled);

private:
    void createActions();
    void renderFilm(bool keepView);
    void renderHeat();
    void updateAnnotations();
    void updateCursorValue(const QPointF& filmPos, bool inside);
    void layoutAnnotations();
    bool eventFilter(QObject* watched, QEvent* event) override;

    QStackedWidget* m_stack = nullptr;
    MessagePage* m_message = nullptr;
    FilmView* m_view = nullptr;
    QLabel* m_topLeft = nullptr;
    QLabel* m_topRight = nullptr;
    QLabel* m_bottomLeft = nullptr;
    QLabel* m_bottomRight = nullptr;
    QTimer* m_renderTimer = nullptr;  // coalesces window changes during a right-drag

    std::shared_ptr<const imaging::Film> m_film;
    QString m_path;
    WindowLevel m_levels;
    imaging::DisplayWindow m_window;
    imaging::DisplayWindow m_dragStartWindow;
    WindowPreset m_preset = WindowPreset::File;
    bool m_invert = false;

    HeatLayer m_heat;
    QImage m_heatImage;
    double m_opacity = 0.45;
    QString m_colormap = QStringLiteral("jet");
    bool m_overlayEnabled = true;

    QList<QAction*> m_navigationActions;
    QList<QAction*> m_windowActions;
    QAction* m_invertAction = nullptr;
    QAction* m_overlayToggle = nullptr;
};

}  // namespace cxr::ui
