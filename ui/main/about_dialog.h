#pragma once
// AboutDialog: versions (CXR Studio, LibTorch, Qt, DCMTK, GDCM, OpenCV), the compute device,
// the loaded model, and the intended-use statement.
#include <QDialog>

namespace cxr::ui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    AboutDialog(const QString& modelText, QWidget* parent = nullptr);

    static QString versionsText();
};

}  // namespace cxr::ui
