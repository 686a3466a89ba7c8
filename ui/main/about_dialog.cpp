#include "ui/main/about_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

#include "core/workflows/about.h"
#include "ui/common/icons.h"
#include "ui/common/qt_convert.h"
#include "ui/common/term_text.h"

namespace cxr::ui {

QString AboutDialog::versionsText() {
    // versionText() ends with the intended-use statement; the dialog shows that on its own.
    QString text = toQString(workflows::versionText());
    text.remove(QString::fromUtf8(workflows::kIntendedUse));
    return text.trimmed() + QStringLiteral("\nQt ") + QString::fromLatin1(qVersion());
}

AboutDialog::AboutDialog(const QString& modelText, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("About CXR Studio"));
    auto* logo = new QLabel(this);
    logo->setPixmap(icon(QStringLiteral("cxr-studio")).pixmap(96, 96));
    logo->setAlignment(Qt::AlignCenter);
    auto* title = new QLabel(QStringLiteral("<h2>CXR Studio %1</h2>").arg(QStringLiteral(CXR_VERSION)), this);
    title->setAlignment(Qt::AlignCenter);
    auto* summary = new QLabel(tr("Chest X-ray pneumonia review: train a classifier, review its calls with "
                                  "Grad-CAM heat maps."),
                               this);
    summary->setWordWrap(true);
    auto* intended = new QLabel(QStringLiteral("<b>%1</b>").arg(termText(workflows::kIntendedUse).toHtmlEscaped()), this);
    intended->setWordWrap(true);
    intended->setStyleSheet(QStringLiteral("QLabel { background: #fcf3cf; color: #7e5109; padding: 8px; border-radius: 4px; }"));
    auto* versions = new QLabel(versionsText().toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")), this);
    versions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    versions->setWordWrap(true);
    auto* model = new QLabel(tr("Model: %1").arg(modelText), this);
    model->setWordWrap(true);
    model->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(logo);
    layout->addWidget(title);
    layout->addWidget(summary);
    layout->addWidget(intended);
    layout->addWidget(versions);
    layout->addWidget(model);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

}  // namespace cxr::ui
