#pragma once
// Film drops: what may be dropped (local files and folders that hold films, recognised by
// content, never by extension) and the expansion of folders into film files. The check is quick
// enough for a drag-enter; the expansion walks folders and runs in the background.
#include <QString>
#include <QStringList>

class QMimeData;

namespace cxr::ui {

struct DropCheck {
    QStringList paths;  // local files and folders to open
    QString refusal;    // non-empty: nothing here can be opened, and why
    bool acceptable() const { return refusal.isEmpty() && !paths.isEmpty(); }
};

DropCheck checkDrop(const QMimeData* mime);

struct CollectedFilms {
    QStringList films;     // folders expanded (core's diagnosis::collectFilms), sorted
    QStringList problems;  // e.g. a folder without films
};

// Walks folders recursively, as `cxr predict` does; for a pool thread.
CollectedFilms collectFilms(const QStringList& paths);

// "" when the file looks like a film, else a short reason (for messages).
QString notAFilmReason(const QString& path);

}  // namespace cxr::ui
