#pragma once
// SettingsDialog: the application's preferences that are not chosen in place — on "General" the
// interface language (system default or one of the shipped catalogues) and the arithmetic of
// predictions (fp32 or bf16) and the review records (keep them, the reviewer's name, go on to
// the next film after a verdict); on "PACS" the DICOM nodes (with Verify) and the listener's AE
// title, port and folder. Stored in AppSettings on OK; the language applies at the next start,
// which the dialog says next to the control, the precision to the next film diagnosed.
#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTabWidget;

namespace cxr::ui {

class ServerListEditor;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    // "" = system default, else a language code; what OK will store.
    QString language() const;
    void setLanguage(const QString& code);
    // "fp32" or "bf16": what OK will store as the prediction precision.
    QString precision() const;
    void setPrecision(const QString& precision);
    // Stores the choices (what OK does).
    void save() const;

    ServerListEditor* serverList() const { return m_servers; }
    void showPacsPage();

private:
    void updateRestartNote();

    QComboBox* m_language;
    QLabel* m_restartNote;
    QComboBox* m_precision;
    QCheckBox* m_keepRecords;
    QLineEdit* m_reviewer;
    QCheckBox* m_nextAfterVerdict;
    QCheckBox* m_keepPatientIdentity;
    QString m_running;  // the choice this process started with
    QTabWidget* m_tabs;
    ServerListEditor* m_servers;
    QLineEdit* m_listenAeTitle;
    QSpinBox* m_listenPort;
    QLineEdit* m_listenFolder;
};

}  // namespace cxr::ui
