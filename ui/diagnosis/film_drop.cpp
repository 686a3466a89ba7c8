#include "ui/diagnosis/film_drop.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

#include "core/diagnosis/film_list.h"
#include "core/imaging/load_film.h"
#include "ui/common/error_reporter.h"
#include "ui/common/qt_convert.h"

namespace cxr::ui {
namespace {

constexpr int kMaxSniffedOnDrag = 40;

struct FilmDrop {
    Q_DECLARE_TR_FUNCTIONS(cxr::ui::FilmDrop)
};

}  // namespace

QString notAFilmReason(const QString& path) {
    const QFileInfo info(path);
    if (!info.exists()) {
        return FilmDrop::tr("does not exist");
    }
    if (!info.isFile()) {
        return FilmDrop::tr("is not a regular file");
    }
    if (!info.isReadable()) {
        return FilmDrop::tr("cannot be read (permissions)");
    }
    try {
        if (!imaging::sniffFormat(toPath(path)).empty()) {
            return {};
        }
    } catch (...) {
        return FilmDrop::tr("cannot be read");
    }
    return FilmDrop::tr("is not a DICOM, JPEG, PNG, BMP or TIFF film");
}

DropCheck checkDrop(const QMimeData* mime) {
    DropCheck check;
    if (!mime || !mime->hasUrls()) {
        check.refusal = FilmDrop::tr("Only films and folders can be dropped here.");
        return check;
    }
    QStringList notFilms;
    int sniffed = 0;
    for (const QUrl& url : mime->urls()) {
        if (!url.isLocalFile()) {
            continue;
        }
        const QString path = url.toLocalFile();
        const QFileInfo info(path);
        if (info.isDir()) {
            check.paths << path;
            continue;
        }
        // Sniff a few; beyond that the background expansion sorts films from the rest.
        if (sniffed++ >= kMaxSniffedOnDrag) {
            check.paths << path;
            continue;
        }
        const QString reason = notAFilmReason(path);
        if (reason.isEmpty()) {
            check.paths << path;
        } else {
            notFilms << QStringLiteral("%1 %2").arg(info.fileName(), reason);
        }
    }
    if (check.paths.isEmpty()) {
        if (notFilms.isEmpty()) {
            check.refusal = FilmDrop::tr("Only local files and folders can be dropped here.");
        } else if (notFilms.size() == 1) {
            check.refusal = FilmDrop::tr("Cannot open: %1.").arg(notFilms.first());
        } else {
            check.refusal = FilmDrop::tr("Cannot open any of the %1 dropped files: %2.")
                                .arg(notFilms.size())
                                .arg(notFilms.mid(0, 3).join(QStringLiteral("; ")));
        }
    }
    return check;
}

CollectedFilms collectFilms(const QStringList& paths) {
    std::vector<std::filesystem::path> inputs;
    for (const QString& p : paths) {
        inputs.push_back(toPath(p));
    }
    CollectedFilms out;
    try {
        const diagnosis::FilmList list = diagnosis::collectFilms(inputs);
        for (const auto& file : list.files) {
            out.films << toQString(file);
        }
        for (const std::string& problem : list.problems) {
            out.problems << toQString(problem);
        }
    } catch (...) {
        out.problems << ErrorReporter::describeCurrent();
    }
    return out;
}

}  // namespace cxr::ui
