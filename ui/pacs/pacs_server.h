#pragma once
// PacsServer: one DICOM node as the user keeps it in File ▸ Settings ▸ PACS (name, the node's
// AE title, host and port, our calling AE title, timeouts, how to retrieve), and the listener's
// preferences. Stored by AppSettings; turned into core's DicomNode and AssociationSettings here.
#include <QList>
#include <QString>

#include "core/pacs/dicom_node.h"

namespace cxr::ui {

struct PacsServer {
    QString name;                  // the user's label, e.g. "Department PACS"
    QString aeTitle;               // the node's (called) AE title
    QString host;
    int port = 104;
    QString callingAeTitle = QStringLiteral("CXRSTUDIO");
    int connectTimeoutSeconds = 10;
    int dimseTimeoutSeconds = 30;
    QString retrieveMethod = QStringLiteral("get");  // "get" (C-GET) or "move" (C-MOVE to us)
    int movePort = 11113;          // our Storage SCP's port during a C-MOVE
    bool sendResults = false;      // send the SR and overlay back after each diagnosis

    pacs::DicomNode node() const;
    pacs::AssociationSettings association() const;
    QString label() const;  // "name (AET@HOST:PORT)"
};

// Throws cxr::Error(InvalidInput) naming the field when a server cannot be used: empty name,
// bad AE titles (core's rules), empty host, port or timeouts out of range.
void checkPacsServer(const PacsServer& server);

// The Storage SCP the GUI can run (toggle in the File menu).
struct ListenerPreferences {
    bool enabled = false;
    QString aeTitle = QStringLiteral("CXRSTUDIO");
    int port = 11112;
    QString folder;  // empty: the application's data folder, "received"
};

}  // namespace cxr::ui
