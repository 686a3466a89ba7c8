#pragma once
// Helpers for the Qt Test suites: scratch folders, small films on disk and in memory, a
// random-weights model bundle, private settings, and the mouse and drag-and-drop events the
// tests send to widgets (offscreen: no real pointer).
#include <QImage>
#include <QList>
#include <QPoint>
#include <QString>
#include <QUrl>

#include "core/imaging/film.h"

class QWidget;

namespace cxr::test {

// A fresh folder under the build tree's test-tmp, named after the test and the process.
QString scratchDir(const QString& name);

// Settings go to an INI file in `dir` and the review records to dir/records.sqlite, never the
// user's; the error reporter never blocks.
void isolateSettings(const QString& dir);

// A grey film in memory: a smooth gradient plus a bright disc at (cx, cy), 12-bit-like values.
imaging::Film makeFilm(int width, int height, int cx, int cy, int radius, bool dicomLike = true);

// Writes an 8-bit film (gradient + bright disc) as JPEG or PNG by extension.
QString writeRasterFilm(const QString& dir, const QString& name, int width, int height, int cx, int cy);
// Writes a small DICOM film with patient fields.
QString writeDicomFilm(const QString& dir, const QString& name, int width, int height);
// A file that claims DICOM (preamble + "DICM") but is truncated.
QString writeBrokenDicom(const QString& dir, const QString& name);
QString writeTextFile(const QString& dir, const QString& name);

// A ResNet18 bundle with seeded random weights (same bytes every time), exported in `dir`.
QString exportRandomModel(const QString& dir, unsigned seed = 20240611);

// Heat map in [0,1]: a Gaussian bump at (cx, cy).
std::vector<float> gaussianHeat(int width, int height, double cx, double cy, double sigma);

// Events as a user's pointer would send them.
void rightDrag(QWidget* target, QPoint from, QPoint to, int steps = 5);
void wheel(QWidget* target, QPoint at, int degrees);
// Sends drag-enter, drag-move and (when `drop`) drop with file URLs; returns whether the
// move was accepted (a drop would happen).
bool dragFiles(QWidget* target, const QList<QUrl>& urls, bool drop);

// Answers the next modal file dialog (open or save) with `path`, as a user typing it would:
// call it just before the action that opens the dialog. Gives up after `timeoutMs`.
void answerFileDialog(const QString& path, int timeoutMs = 10000);

// Position of the brightest pixel (sum of RGB) in an image.
QPoint brightestPixel(const QImage& image);

}  // namespace cxr::test
