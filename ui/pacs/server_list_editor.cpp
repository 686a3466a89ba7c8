#include "ui/pacs/server_list_editor.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "core/common/error.h"
#include "core/pacs/verification.h"
#include "ui/common/notice_text.h"
#include "ui/pacs/server_edit_dialog.h"

namespace cxr::ui {

VerifyOutcome verifyServer(const PacsServer& server) {
    try {
        checkPacsServer(server);
        const auto result = pacs::verifyConnection(server.node(), server.association());
        return {true, QObject::tr("Connected: %1 answered the echo in %2 ms.")
                          .arg(server.label(), localeNumber(result.milliseconds, 0))};
    } catch (const Error& e) {
        const QString why = QString::fromStdString(e.what());
        if (e.code() == ErrorCode::InvalidInput)
            return {false, QObject::tr("Association rejected: %1").arg(why)};
        return {false, QObject::tr("No answer within %1 s: %2").arg(server.connectTimeoutSeconds).arg(why)};
    }
}

ServerListEditor::ServerListEditor(QWidget* parent) : QWidget(parent) {
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("pacsServers"));
    auto* add = new QPushButton(tr("&Add…"), this);
    add->setObjectName(QStringLiteral("addServer"));
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_remove = new QPushButton(tr("&Remove"), this);
    m_verify = new QPushButton(tr("&Verify"), this);
    m_verify->setObjectName(QStringLiteral("verifyServer"));
    m_verify->setToolTip(tr("Send a DICOM echo (C-ECHO) to the selected node"));
    m_verifyResult = new QLabel(this);
    m_verifyResult->setObjectName(QStringLiteral("verifyResult"));
    m_verifyResult->setWordWrap(true);
    m_verifyResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verifying = new QFutureWatcher<VerifyOutcome>(this);

    auto* buttons = new QVBoxLayout;
    for (QPushButton* b : {add, m_edit, m_remove, m_verify}) buttons->addWidget(b);
    buttons->addStretch(1);
    auto* row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addWidget(m_verifyResult);

    connect(add, &QPushButton::clicked, this, &ServerListEditor::addServer);
    connect(m_edit, &QPushButton::clicked, this, &ServerListEditor::editServer);
    connect(m_remove, &QPushButton::clicked, this, &ServerListEditor::removeServer);
    connect(m_verify, &QPushButton::clicked, this, &ServerListEditor::verifyServerNow);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &ServerListEditor::editServer);
    connect(m_list, &QListWidget::currentRowChanged, this, &ServerListEditor::updateButtons);
    connect(m_verifying, &QFutureWatcher<VerifyOutcome>::finished, this, [this] {
        const VerifyOutcome outcome = m_verifying->result();
        m_verifyResult->setStyleSheet(outcome.ok ? QStringLiteral("color: #1b5e20") : QStringLiteral("color: #b00020"));
        m_verifyResult->setText(outcome.text);
        updateButtons();
        Q_EMIT verified(outcome.ok, outcome.text);
    });
    updateButtons();
}

ServerListEditor::~ServerListEditor() { m_verifying->waitForFinished(); }

void ServerListEditor::setServers(const QList<PacsServer>& servers) {
    m_servers = servers;
    refresh(servers.isEmpty() ? -1 : 0);
}

QString ServerListEditor::verifyText() const { return m_verifyResult->text(); }

void ServerListEditor::addServer() {
    PacsServer fresh;
    fresh.host = QStringLiteral("localhost");
    ServerEditDialog dialog(fresh, this);
    if (dialog.exec() != QDialog::Accepted) return;
    m_servers.append(dialog.server());
    refresh(static_cast<int>(m_servers.size()) - 1);
}

void ServerListEditor::editServer() {
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_servers.size()) return;
    ServerEditDialog dialog(m_servers[row], this);
    if (dialog.exec() != QDialog::Accepted) return;
    m_servers[row] = dialog.server();
    refresh(row);
}

void ServerListEditor::removeServer() {
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_servers.size()) return;
    m_servers.removeAt(row);
    refresh(std::min(row, static_cast<int>(m_servers.size()) - 1));
}

void ServerListEditor::verifyServerNow() {
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_servers.size() || m_verifying->isRunning()) return;
    const PacsServer server = m_servers[row];
    m_verifyResult->setStyleSheet(QString());
    m_verifyResult->setText(tr("Verifying %1…").arg(server.label()));
    m_verify->setEnabled(false);
    m_verifying->setFuture(QtConcurrent::run([server] { return verifyServer(server); }));
}

void ServerListEditor::refresh(int select) {
    m_list->clear();
    for (const PacsServer& s : m_servers) m_list->addItem(s.label());
    m_list->setCurrentRow(select);
    updateButtons();
}

void ServerListEditor::updateButtons() {
    const bool chosen = m_list->currentRow() >= 0;
    m_edit->setEnabled(chosen);
    m_remove->setEnabled(chosen);
    m_verify->setEnabled(chosen && !m_verifying->isRunning());
}

}  // namespace cxr::ui
