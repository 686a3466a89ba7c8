#include "ui/diagnosis/overlay_controls.h"

#include <cmath>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QSlider>

#include "core/explain/cam_method.h"
#include "ui/common/qt_convert.h"
#include "ui/viewer/film_image.h"

namespace cxr::ui {
namespace {

QString methodTitle(const QString& name) {
    if (name == QLatin1String("gradcam")) {
        return QStringLiteral("Grad-CAM");
    }
    if (name == QLatin1String("gradcam++")) {
        return QStringLiteral("Grad-CAM++");
    }
    if (name == QLatin1String("layercam")) {
        return QStringLiteral("LayerCAM");
    }
    return name;
}

void selectData(QComboBox* box, const QString& value) {
    const int i = box->findData(value);
    if (i >= 0) {
        box->setCurrentIndex(i);
    }
}

}  // namespace

OverlayControls::OverlayControls(QWidget* parent) : QWidget(parent) {
    m_visible = new QCheckBox(tr("Show heat map (H)"), this);
    m_opacity = new QSlider(Qt::Horizontal, this);
    m_opacity->setRange(0, 100);
    m_opacity->setValue(45);
    m_opacity->setToolTip(tr("Heat map opacity"));
    m_colormap = new QComboBox(this);
    for (const QString& name : colormapNames()) {
        m_colormap->addItem(colormapTitle(name), name);
    }
    m_method = new QComboBox(this);
    for (const std::string& name : explain::camMethodNames()) {
        m_method->addItem(methodTitle(toQString(name)), toQString(name));
    }
    m_method->setToolTip(tr("How the heat map is computed; changing it re-runs the explanation"));
    m_layer = new QComboBox(this);
    m_layer->addItem(tr("layer4 (7×7, default)"), QStringLiteral("layer4"));
    m_layer->addItem(tr("layer3 (14×14, finer)"), QStringLiteral("layer3"));
    m_layer->addItem(tr("layer2 (28×28)"), QStringLiteral("layer2"));
    m_layer->setToolTip(tr("The network layer the map is taken from: deeper is coarser but more specific"));

    auto* form = new QFormLayout(this);
    form->setContentsMargins(8, 4, 8, 4);
    form->addRow(m_visible);
    form->addRow(tr("Opacity"), m_opacity);
    form->addRow(tr("Colours"), m_colormap);
    form->addRow(tr("Method"), m_method);
    form->addRow(tr("Layer"), m_layer);

    connect(m_opacity, &QSlider::valueChanged, this, [this](int v) { Q_EMIT opacityChanged(v / 100.0); });
    connect(m_colormap, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT colormapChanged(m_colormap->currentData().toString()); });
    auto explanation = [this] {
        Q_EMIT explanationChanged(m_method->currentData().toString(), m_layer->currentData().toString());
    };
    connect(m_method, &QComboBox::currentIndexChanged, this, explanation);
    connect(m_layer, &QComboBox::currentIndexChanged, this, explanation);
}

void OverlayControls::setToggleAction(QAction* toggle) {
    m_toggle = toggle;
    m_visible->setChecked(toggle->isChecked());
    connect(m_visible, &QCheckBox::toggled, toggle, &QAction::setChecked);
    connect(toggle, &QAction::toggled, m_visible, &QCheckBox::setChecked);
}

OverlaySettings OverlayControls::settings() const {
    OverlaySettings s;
    s.visible = m_toggle ? m_toggle->isChecked() : m_visible->isChecked();
    s.opacity = m_opacity->value() / 100.0;
    s.colormap = m_colormap->currentData().toString();
    s.method = m_method->currentData().toString();
    s.layer = m_layer->currentData().toString();
    return s;
}

void OverlayControls::setSettings(const OverlaySettings& s) {
    if (m_toggle) {
        m_toggle->setChecked(s.visible);
    }
    m_visible->setChecked(s.visible);
    m_opacity->setValue(static_cast<int>(std::lround(s.opacity * 100.0)));
    selectData(m_colormap, s.colormap);
    selectData(m_method, s.method);
    selectData(m_layer, s.layer);
}

}  // namespace cxr::ui
