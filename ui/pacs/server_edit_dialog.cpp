#include "ui/pacs/server_edit_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include "core/common/error.h"

namespace cxr::ui {
namespace {

QSpinBox* spin(int low, int high, int value, QWidget* parent, const QString& suffix = {}) {
    auto* s = new QSpinBox(parent);
    s->setRange(low, high);
    s->setValue(value);
    s->setSuffix(suffix);
    return s;
}

}  // namespace

ServerEditDialog::ServerEditDialog(const PacsServer& server, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("DICOM Node"));
    m_name = new QLineEdit(server.name, this);
    m_name->setObjectName(QStringLiteral("serverName"));
    m_aeTitle = new QLineEdit(server.aeTitle, this);
    m_aeTitle->setObjectName(QStringLiteral("serverAeTitle"));
    m_aeTitle->setMaxLength(16);
    m_host = new QLineEdit(server.host, this);
    m_host->setObjectName(QStringLiteral("serverHost"));
    m_port = spin(1, 65535, server.port, this);
    m_port->setObjectName(QStringLiteral("serverPort"));
    m_callingAeTitle = new QLineEdit(server.callingAeTitle, this);
    m_callingAeTitle->setMaxLength(16);
    m_connectTimeout = spin(1, 3600, server.connectTimeoutSeconds, this, tr(" s"));
    m_dimseTimeout = spin(1, 3600, server.dimseTimeoutSeconds, this, tr(" s"));
    m_retrieve = new QComboBox(this);
    m_retrieve->addItem(tr("C-GET (on our own connection)"), QStringLiteral("get"));
    m_retrieve->addItem(tr("C-MOVE (the PACS sends to our AE title)"), QStringLiteral("move"));
    m_retrieve->setCurrentIndex(server.retrieveMethod == QStringLiteral("move") ? 1 : 0);
    m_movePort = spin(1, 65535, server.movePort, this);
    m_movePort->setToolTip(tr("The port CXR Studio receives on during a C-MOVE; the PACS must know our "
                              "calling AE title at this computer's address and this port."));
    m_sendResults = new QCheckBox(tr("Send the structured report and overlay after each diagnosis"), this);
    m_sendResults->setChecked(server.sendResults);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("serverProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&AE title:"), m_aeTitle);
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Our AE title:"), m_callingAeTitle);
    form->addRow(tr("&Connection timeout:"), m_connectTimeout);
    form->addRow(tr("&Answer timeout:"), m_dimseTimeout);
    form->addRow(tr("&Retrieve by:"), m_retrieve);
    form->addRow(tr("C-MOVE &port:"), m_movePort);
    form->addRow(QString(), m_sendResults);
    const auto updateMovePort = [this] { m_movePort->setEnabled(m_retrieve->currentData().toString() == QStringLiteral("move")); };
    connect(m_retrieve, &QComboBox::currentIndexChanged, this, updateMovePort);
    updateMovePort();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ServerEditDialog::tryAccept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

PacsServer ServerEditDialog::server() const {
    PacsServer s;
    s.name = m_name->text().trimmed();
    s.aeTitle = m_aeTitle->text().trimmed();
    s.host = m_host->text().trimmed();
    s.port = m_port->value();
    s.callingAeTitle = m_callingAeTitle->text().trimmed();
    s.connectTimeoutSeconds = m_connectTimeout->value();
    s.dimseTimeoutSeconds = m_dimseTimeout->value();
    s.retrieveMethod = m_retrieve->currentData().toString();
    s.movePort = m_movePort->value();
    s.sendResults = m_sendResults->isChecked();
    return s;
}

void ServerEditDialog::tryAccept() {
    try {
        checkPacsServer(server());
        accept();
    } catch (const Error& e) {
        m_problem->setText(QString::fromStdString(e.what()));
    }
}

}  // namespace cxr::ui
