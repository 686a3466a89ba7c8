#include "ui/pacs/pacs_server.h"

#include "core/common/error.h"

namespace cxr::ui {

pacs::DicomNode PacsServer::node() const {
    pacs::DicomNode n;
    n.aeTitle = aeTitle.toStdString();
    n.host = host.toStdString();
    n.port = port;
    return n;
}

pacs::AssociationSettings PacsServer::association() const {
    pacs::AssociationSettings s;
    s.callingAeTitle = callingAeTitle.toStdString();
    s.connectTimeoutSeconds = connectTimeoutSeconds;
    s.dimseTimeoutSeconds = dimseTimeoutSeconds;
    return s;
}

QString PacsServer::label() const {
    return QStringLiteral("%1 (%2)").arg(name, QString::fromStdString(node().toString()));
}

void checkPacsServer(const PacsServer& server) {
    if (server.name.trimmed().isEmpty())
        throw Error(ErrorCode::InvalidInput, "the server needs a name");
    pacs::checkAeTitle(server.aeTitle.toStdString(), "the server's AE title");
    pacs::checkAeTitle(server.callingAeTitle.toStdString(), "our calling AE title");
    if (server.host.trimmed().isEmpty())
        throw Error(ErrorCode::InvalidInput, "the server's host is empty");
    if (server.port < 1 || server.port > 65535)
        throw Error(ErrorCode::InvalidInput, "the server's port " + std::to_string(server.port) + " is outside 1..65535");
    if (server.retrieveMethod == QStringLiteral("move") && (server.movePort < 1 || server.movePort > 65535))
        throw Error(ErrorCode::InvalidInput, "the C-MOVE port " + std::to_string(server.movePort) + " is outside 1..65535");
    if (server.connectTimeoutSeconds < 1 || server.dimseTimeoutSeconds < 1)
        throw Error(ErrorCode::InvalidInput, "timeouts must be at least one second");
}

}  // namespace cxr::ui
