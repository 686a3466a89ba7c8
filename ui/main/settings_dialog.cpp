#include "main/settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "common/app_settings.h"
#include "common/language.h"

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
    m_restartNote = new QLabel(tr("Takes effect when CXR Studio is restarted."), this);
    m_restartNote->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), m_restartNote);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateRestartNote);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setLanguage(m_running);
    setMinimumWidth(420);
}

QString SettingsDialog::language() const { return m_language->currentData().toString(); }

void SettingsDialog::setLanguage(const QString& code) {
    const int index = m_language->findData(validLanguageChoice(code));
    m_language->setCurrentIndex(index < 0 ? 0 : index);
    updateRestartNote();
}

void SettingsDialog::save() const {
    AppSettings settings;
    settings.setLanguage(language());
    settings.sync();
}

void SettingsDialog::updateRestartNote() {
    // Always there, so the dialog does not jump; stronger once the choice differs.
    QFont f = m_restartNote->font();
    f.setBold(language() != m_running);
    m_restartNote->setFont(f);
}

}  // namespace cxr::ui
