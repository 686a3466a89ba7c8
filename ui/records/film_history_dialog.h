#pragma once
// FilmHistoryDialog: one film's record over time: every call any model made on it and every
// reviewer's verdict, oldest first, read from the review records off the GUI thread.
#include <memory>

#include <QDialog>

class QLabel;
class QTableWidget;

namespace cxr::ui {

class SharedRecords;

class FilmHistoryDialog : public QDialog {
    Q_OBJECT
public:
    FilmHistoryDialog(std::shared_ptr<SharedRecords> records, const QString& filmSha256, const QString& filmName,
                      QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    bool isLoaded() const { return m_loaded; }

private:
    QLabel* m_heading = nullptr;
    QTableWidget* m_table = nullptr;
    bool m_loaded = false;
};

}  // namespace cxr::ui
