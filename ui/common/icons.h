#pragma once
// Icons: the SVG icon set compiled into the binary (resources/cxr_studio.qrc), by short name.
#include <QIcon>
#include <QString>

namespace cxr::ui {

// Makes the compiled-in resources available; the static library needs this once per process.
void initResources();
// ":/icons/<name>.svg" as an icon; a null icon (and a log line) when the name is unknown.
QIcon icon(const QString& name);

}  // namespace cxr::ui
