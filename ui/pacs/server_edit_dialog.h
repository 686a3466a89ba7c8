#pragma once
// ServerEditDialog: the form for one DICOM node of Settings ▸ PACS. OK is refused, with the
// reason under the form, until the entry is usable (checkPacsServer).
#include <QDialog>

#include "ui/pacs/pacs_server.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace cxr::ui {

class ServerEditDialog : public QDialog {
    Q_OBJECT
public:
    explicit ServerEditDialog(const PacsServer& server, QWidget* parent = nullptr);
    PacsServer server() const;

private:
    void tryAccept();

    QLineEdit* m_name;
    QLineEdit* m_aeTitle;
    QLineEdit* m_host;
    QSpinBox* m_port;
    QLineEdit* m_callingAeTitle;
    QSpinBox* m_connectTimeout;
    QSpinBox* m_dimseTimeout;
    QComboBox* m_retrieve;
    QSpinBox* m_movePort;
    QCheckBox* m_sendResults;
    QLabel* m_problem;
};

}  // namespace cxr::ui
