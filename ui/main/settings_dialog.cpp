#include "ui/main/settings_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include "core/common/error.h"
#include "core/model/cpu_features.h"
#include "core/pacs/dicom_node.h"
#include "core/records/os_user.h"
#include "core/records/records_db.h"
#include "ui/common/app_settings.h"
#include "ui/common/language.h"
#include "ui/pacs/server_list_editor.h"

namespace cxr::ui {

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Settings"));
    m_running = validLanguageChoice(AppSettings().language());

    m_language = new QComboBox(this);
    // The system's language is named in itself, like the others, so it reads right whatever
    // language the interface speaks now.
    const QString system = resolveLanguage({});
    QString systemName = system;
    for (const LanguageOption& l : availableLanguages()) {
        if (l.code == system) {
            systemName = l.nativeName;
        }
    }
    m_language->addItem(tr("System default (%1)").arg(systemName), QString());
    for (const LanguageOption& l : availableLanguages()) {
        m_language->addItem(l.nativeName, l.code);
    }
    m_language->setObjectName(QStringLiteral("language"));
    m_restartNote = new QLabel(tr("Takes effect when CXR Studio is restarted."), this);
    m_precision = new QComboBox(this);
    m_precision->setObjectName(QStringLiteral("predictionPrecision"));
    m_precision->addItem(tr("fp32 (the model's own arithmetic)"), QStringLiteral("fp32"));
    const auto& bf16 = model::cpuBf16Support();
    m_precision->addItem(bf16.fast() ? tr("bf16 (faster on this processor: %1)").arg(QString::fromStdString(bf16.describe()))
                                     : tr("bf16 (faster on GPUs; emulated and slower on this processor)"),
                         QStringLiteral("bf16"));
    m_precision->setToolTip(tr("fp32 gives the probabilities the trained model gives in Python. bf16 computes the "
                               "forward pass and the heat map in bfloat16: faster where the hardware has it, with "
                               "probabilities a little different (see the README)."));
    m_restartNote->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), m_restartNote);
    form->addRow(tr("&Prediction arithmetic:"), m_precision);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        try {
            pacs::checkAeTitle(m_listenAeTitle->text().trimmed().toStdString(), "the listener's AE title");
        } catch (const Error& e) {
            m_tabs->setCurrentIndex(1);
            QMessageBox::warning(this, tr("Settings"), QString::fromStdString(e.what()));
            return;
        }
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateRestartNote);

    auto* general = new QWidget(this);
    const AppSettings stored;
    // Review records: where calls and verdicts are kept, and who the verdicts are from.
    auto* recordsBox = new QGroupBox(tr("Review records"), general);
    m_keepRecords = new QCheckBox(tr("&Keep calls and verdicts (the triage list reopens with them)"), recordsBox);
    m_keepRecords->setObjectName(QStringLiteral("keepRecords"));
    m_keepRecords->setChecked(stored.keepRecords());
    m_reviewer = new QLineEdit(stored.reviewerName(), recordsBox);
    m_reviewer->setObjectName(QStringLiteral("reviewerName"));
    m_reviewer->setPlaceholderText(QString::fromStdString(records::detail::osUserName()));
    m_reviewer->setToolTip(tr("The name your verdicts carry; empty: your user name on this computer"));
    m_nextAfterVerdict = new QCheckBox(tr("Go to the &next film after a verdict"), recordsBox);
    m_nextAfterVerdict->setChecked(stored.nextFilmAfterVerdict());
    m_keepPatientIdentity = new QCheckBox(tr("Also keep DICOM films' patient name and &ID"), recordsBox);
    m_keepPatientIdentity->setObjectName(QStringLiteral("keepPatientIdentity"));
    m_keepPatientIdentity->setChecked(stored.keepPatientIdentity());
    m_keepPatientIdentity->setToolTip(tr("Off (the default), films are known by their content's SHA-256 and DICOM UIDs "
                                         "only: no patient name or ID ever reaches the records. Names already kept stay; turning this off "
                                         "stops keeping new ones."));
    auto* recordsFile = new QLabel(QString::fromStdString(records::RecordsDb::defaultPath().string()), recordsBox);
    recordsFile->setTextInteractionFlags(Qt::TextSelectableByMouse);
    recordsFile->setWordWrap(true);
    auto* recordsForm = new QFormLayout(recordsBox);
    recordsForm->addRow(m_keepRecords);
    recordsForm->addRow(tr("&Reviewer name:"), m_reviewer);
    recordsForm->addRow(m_nextAfterVerdict);
    recordsForm->addRow(m_keepPatientIdentity);
    recordsForm->addRow(tr("Kept in:"), recordsFile);
    auto* generalLayout = new QVBoxLayout(general);
    generalLayout->addLayout(form);
    generalLayout->addWidget(recordsBox);
    generalLayout->addStretch(1);

    // PACS: the nodes to query, retrieve from and send results to, and our own listener.
    auto* pacsPage = new QWidget(this);
    m_servers = new ServerListEditor(pacsPage);
    m_servers->setObjectName(QStringLiteral("serverList"));
    m_servers->setServers(stored.pacsServers());
    const ListenerPreferences listener = stored.listener();
    m_listenAeTitle = new QLineEdit(listener.aeTitle, pacsPage);
    m_listenAeTitle->setMaxLength(16);
    m_listenPort = new QSpinBox(pacsPage);
    m_listenPort->setRange(1, 65535);
    m_listenPort->setValue(listener.port);
    m_listenFolder = new QLineEdit(listener.folder, pacsPage);
    m_listenFolder->setPlaceholderText(tr("the application's data folder"));
    auto* listenBox = new QGroupBox(tr("Receiving films (File ▸ Listen for Pushed Films)"), pacsPage);
    auto* listenForm = new QFormLayout(listenBox);
    listenForm->addRow(tr("Our AE &title:"), m_listenAeTitle);
    listenForm->addRow(tr("P&ort:"), m_listenPort);
    listenForm->addRow(tr("&Store in:"), m_listenFolder);
    auto* pacsLayout = new QVBoxLayout(pacsPage);
    pacsLayout->addWidget(new QLabel(tr("DICOM nodes:"), pacsPage));
    pacsLayout->addWidget(m_servers, 1);
    pacsLayout->addWidget(listenBox);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(general, tr("General"));
    m_tabs->addTab(pacsPage, tr("PACS"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    setLanguage(m_running);
    setPrecision(stored.predictionPrecision());
    setMinimumWidth(560);
}

QString SettingsDialog::language() const { return m_language->currentData().toString(); }

void SettingsDialog::setLanguage(const QString& code) {
    const int index = m_language->findData(validLanguageChoice(code));
    m_language->setCurrentIndex(index < 0 ? 0 : index);
    updateRestartNote();
}

QString SettingsDialog::precision() const { return m_precision->currentData().toString(); }

void SettingsDialog::setPrecision(const QString& precision) {
    const int index = m_precision->findData(precision);
    m_precision->setCurrentIndex(index < 0 ? 0 : index);
}

void SettingsDialog::save() const {
    AppSettings settings;
    settings.setLanguage(language());
    settings.setPredictionPrecision(precision());
    settings.setPacsServers(m_servers->servers());
    ListenerPreferences listener = settings.listener();
    listener.aeTitle = m_listenAeTitle->text().trimmed();
    listener.port = m_listenPort->value();
    listener.folder = m_listenFolder->text().trimmed();
    settings.setListener(listener);
    settings.setKeepRecords(m_keepRecords->isChecked());
    settings.setReviewerName(m_reviewer->text());
    settings.setNextFilmAfterVerdict(m_nextAfterVerdict->isChecked());
    settings.setKeepPatientIdentity(m_keepPatientIdentity->isChecked());
    settings.sync();
}

void SettingsDialog::showPacsPage() { m_tabs->setCurrentIndex(1); }

void SettingsDialog::updateRestartNote() {
    // Always there, so the dialog does not jump; stronger once the choice differs.
    QFont f = m_restartNote->font();
    f.setBold(language() != m_running);
    m_restartNote->setFont(f);
}

}  // namespace cxr::ui
