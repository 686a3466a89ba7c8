#pragma once
// TagPanel: the DICOM tag table with a filter box and a line saying how many patient fields the
// film carries; for raster films it says there are no tags and what the film is instead.
#include <QWidget>

#include "core/imaging/film.h"

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace cxr::ui {

class DicomTagModel;

class TagPanel : public QWidget {
    Q_OBJECT
public:
    explicit TagPanel(QWidget* parent = nullptr);

    void showFilm(const imaging::Film* film);
    DicomTagModel* model() const { return m_model; }

private:
    DicomTagModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_summary = nullptr;
    QTableView* m_table = nullptr;
};

}  // namespace cxr::ui
