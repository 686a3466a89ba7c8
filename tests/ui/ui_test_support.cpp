#include "ui_test_support.h"

#include <cmath>
#include <fstream>

#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QMimeData>
#include <QSettings>
#include <QTimer>
#include <QWheelEvent>
#include <QWidget>

#include "core/imaging/film_writer.h"
#include "ui/common/error_reporter.h"
#include "ui/common/qt_convert.h"
#include "support/patient_film.h"

namespace cxr::test {

QString scratchDir(const QString& name) {
    // One folder per process: CTest runs the test functions of a suite in parallel processes.
    const QString dir = QStringLiteral(CXR_TEST_TMP) + QStringLiteral("/ui.%1.%2").arg(name).arg(QCoreApplication::applicationPid());
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    return dir;
}

void isolateSettings(const QString& dir) {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
    QCoreApplication::setOrganizationName(QStringLiteral("CXR Studio Tests"));
    QCoreApplication::setApplicationName(QStringLiteral("cxr-studio-tests"));
    QSettings().clear();
    // The review records too: each test process keeps its own, beside its settings.
    qputenv("CXR_RECORDS_DB", QFile::encodeName(dir + QStringLiteral("/records.sqlite")));
    ui::ErrorReporter::setInteractive(false);
}

imaging::Film makeFilm(int width, int height, int cx, int cy, int radius, bool dicomLike) {
    imaging::Film film;
    film.width = width;
    film.height = height;
    film.pixels.resize(static_cast<std::size_t>(width) * height);
    const double top = dicomLike ? 4095.0 : 255.0;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            double v = top * (0.15 + 0.5 * x / width);
            if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius) {
                v = top * 0.95;
            }
            film.pixels[static_cast<std::size_t>(y) * width + x] = static_cast<float>(v);
        }
    }
    film.window.center = top / 2.0;
    film.window.width = top;
    film.window.source = dicomLike ? "file" : "full-range";
    film.meta.format = dicomLike ? "DICOM" : "PNG";
    film.meta.bitsStored = dicomLike ? 12 : 8;
    return film;
}

QString writeRasterFilm(const QString& dir, const QString& name, int width, int height, int cx, int cy) {
    const imaging::Film film = makeFilm(width, height, cx, cy, std::max(4, width / 8), false);
    std::vector<std::uint8_t> grey(film.pixels.begin(), film.pixels.end());
    const QString path = dir + QLatin1Char('/') + name;
    imaging::writeRaster(ui::toPath(path), grey, width, height);
    return path;
}

QString writeDicomFilm(const QString& dir, const QString& name, int width, int height) {
    const imaging::Film film = makeFilm(width, height, width / 3, height / 2, width / 8, true);
    const imaging::DicomImage image = patientFilm(width, height, {film.pixels.begin(), film.pixels.end()},
                                                  identifiedPatient("Test^Patient", "P-0001"));
    const QString path = dir + QLatin1Char('/') + name;
    imaging::writeDicom(ui::toPath(path), image, imaging::DicomSyntax::ExplicitLittle);
    return path;
}

QString writeBrokenDicom(const QString& dir, const QString& name) {
    const QString path = dir + QLatin1Char('/') + name;
    std::ofstream out(ui::toPath(path), std::ios::binary);
    const std::string preamble(128, '\0');
    out << preamble << "DICM" << std::string("\x02\x00\x00\x00UL\x04\x00", 8);
    return path;
}

QString writeTextFile(const QString& dir, const QString& name) {
    const QString path = dir + QLatin1Char('/') + name;
    std::ofstream(ui::toPath(path)) << "Reading list: chest films, week 3.\n";
    return path;
}

std::vector<float> gaussianHeat(int width, int height, double cx, double cy, double sigma) {
    std::vector<float> heat(static_cast<std::size_t>(width) * height);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const double d2 = (x + 0.5 - cx) * (x + 0.5 - cx) + (y + 0.5 - cy) * (y + 0.5 - cy);
            heat[static_cast<std::size_t>(y) * width + x] = static_cast<float>(std::exp(-d2 / (2 * sigma * sigma)));
        }
    }
    return heat;
}

void rightDrag(QWidget* target, QPoint from, QPoint to, int steps) {
    auto send = [target](QEvent::Type type, QPoint p, Qt::MouseButton button, Qt::MouseButtons buttons) {
        QMouseEvent event(type, QPointF(p), QPointF(target->mapToGlobal(p)), button, buttons, Qt::NoModifier);
        QApplication::sendEvent(target, &event);
    };
    send(QEvent::MouseButtonPress, from, Qt::RightButton, Qt::RightButton);
    for (int i = 1; i <= steps; ++i) {
        send(QEvent::MouseMove, from + (to - from) * i / steps, Qt::NoButton, Qt::RightButton);
    }
    send(QEvent::MouseButtonRelease, to, Qt::RightButton, Qt::NoButton);
}

void wheel(QWidget* target, QPoint at, int degrees) {
    QWheelEvent event(QPointF(at), QPointF(target->mapToGlobal(at)), QPoint(), QPoint(0, degrees * 8), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(target, &event);
}

bool dragFiles(QWidget* target, const QList<QUrl>& urls, bool drop) {
    QMimeData mime;
    mime.setUrls(urls);
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QDragMoveEvent move(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    const bool accepted = move.isAccepted();
    if (drop) {
        QDropEvent dropEvent(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &dropEvent);
    } else {
        QDragLeaveEvent leave;
        QApplication::sendEvent(target, &leave);
    }
    return accepted;
}

void answerFileDialog(const QString& path, int timeoutMs) {
    // Polls from the event loop, which the dialog's own exec() keeps running.
    auto* timer = new QTimer(qApp);
    auto* clock = new QElapsedTimer;
    clock->start();
    QObject::connect(timer, &QTimer::timeout, timer, [timer, clock, path, timeoutMs] {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        if (dialog) {
            dialog->selectFile(path);
            static_cast<QDialog*>(dialog)->accept();  // QFileDialog::accept, public in QDialog
        }
        if (dialog || clock->elapsed() > timeoutMs) {
            if (!dialog) {
                qWarning("no file dialog to answer with %s", qPrintable(path));
            }
            delete clock;
            timer->deleteLater();
            timer->stop();
        }
    });
    timer->start(20);
}

QPoint brightestPixel(const QImage& image) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    QPoint best;
    int bestValue = -1;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* row = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            const int v = qRed(row[x]) + qGreen(row[x]) + qBlue(row[x]);
            if (v > bestValue) {
                bestValue = v;
                best = QPoint(x, y);
            }
        }
    }
    return best;
}

}  // namespace cxr::test
