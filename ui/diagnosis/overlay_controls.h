#pragma once
// OverlayControls: how the heat map is drawn (on/off, opacity, colour map) and how it is
// computed (method, target layer). Drawing changes are instant; computing changes re-run the
// explanation in the background.
#include <QWidget>

#include "ui/common/app_settings.h"

class QAction;
class QCheckBox;
class QComboBox;
class QSlider;

namespace cxr::ui {

class OverlayControls : public QWidget {
    Q_OBJECT
public:
    explicit OverlayControls(QWidget* parent = nullptr);

    void setToggleAction(QAction* toggle);  // the viewer's "H" action, mirrored by the check box
    OverlaySettings settings() const;
    void setSettings(const OverlaySettings& settings);

Q_SIGNALS:
    void opacityChanged(double opacity);
    void colormapChanged(const QString& name);
    void explanationChanged(const QString& method, const QString& layer);

private:
    QCheckBox* m_visible = nullptr;
    QSlider* m_opacity = nullptr;
    QComboBox* m_colormap = nullptr;
    QComboBox* m_method = nullptr;
    QComboBox* m_layer = nullptr;
    QAction* m_toggle = nullptr;
};

}  // namespace cxr::ui
