#pragma once
// ServerListEditor: Settings ▸ PACS: the list of DICOM nodes with Add, Edit, Remove and Verify.
// Verify runs C-ECHO off the GUI thread and says what happened under the list: connected (and
// how fast), the association rejected and why, or no answer within the timeout.
#include <QFutureWatcher>
#include <QWidget>

#include "ui/pacs/pacs_server.h"

class QLabel;
class QListWidget;
class QPushButton;

namespace cxr::ui {

// What a Verify says; `ok` colours it.
struct VerifyOutcome {
    bool ok = false;
    QString text;
};
VerifyOutcome verifyServer(const PacsServer& server);  // blocking: run it off the GUI thread

class ServerListEditor : public QWidget {
    Q_OBJECT
public:
    explicit ServerListEditor(QWidget* parent = nullptr);
    ~ServerListEditor() override;

    QList<PacsServer> servers() const { return m_servers; }
    void setServers(const QList<PacsServer>& servers);
    QString verifyText() const;  // the last Verify's message

public Q_SLOTS:
    void addServer();
    void editServer();
    void removeServer();
    void verifyServerNow();

Q_SIGNALS:
    void verified(bool ok, const QString& text);

private:
    void refresh(int select);
    void updateButtons();

    QList<PacsServer> m_servers;
    QListWidget* m_list;
    QPushButton* m_edit;
    QPushButton* m_remove;
    QPushButton* m_verify;
    QLabel* m_verifyResult;
    QFutureWatcher<VerifyOutcome>* m_verifying;
};

}  // namespace cxr::ui
