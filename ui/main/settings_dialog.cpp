#include "ui/main/settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "core/model/cpu_features.h"
#include "ui/common/app_settings.h"
#include "ui/common/language.h"

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
    setPrecision(AppSettings().predictionPrecision());
    setMinimumWidth(420);
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
    settings.sync();
}

void SettingsDialog::updateRestartNote() {
    // Always there, so the dialog does not jump; stronger once the choice differs.
    QFont f = m_restartNote->font();
    f.setBold(language() != m_running);
    m_restartNote->setFont(f);
}

}  // namespace cxr::ui
