#include "core/pacs/dicom_node.h"

#include <cctype>

#include "core/common/error.h"

namespace cxr::pacs {

std::string DicomNode::toString() const {
    const bool v6 = host.find(':') != std::string::npos;
    return aeTitle + "@" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

void checkAeTitle(const std::string& aeTitle, const std::string& what) {
    const auto fail = [&](const std::string& why) {
        throw Error(ErrorCode::InvalidInput, what + " \"" + aeTitle + "\" is not an AE title: " + why);
    };
    if (aeTitle.empty())
        fail("it is empty");
    if (aeTitle.size() > 16)
        fail("it has " + std::to_string(aeTitle.size()) + " characters, at most 16 are allowed");
    bool onlySpaces = true;
    for (const unsigned char c : aeTitle) {
        if (c == '\\' || std::iscntrl(c) || c > 126)
            fail("backslashes, control and non-ASCII characters are not allowed");
        onlySpaces = onlySpaces && c == ' ';
    }
    if (onlySpaces)
        fail("it is only spaces");
}

DicomNode parseDicomNode(const std::string& text) {
    const auto fail = [&](const std::string& why) -> DicomNode {
        throw Error(ErrorCode::InvalidInput,
                    "\"" + text + "\" is not a DICOM node (expected AET@HOST:PORT, e.g. ORTHANC@localhost:4242): " + why);
    };
    const auto at = text.rfind('@');
    if (at == std::string::npos)
        return fail("no '@' between the AE title and the host");
    DicomNode node;
    node.aeTitle = text.substr(0, at);
    checkAeTitle(node.aeTitle, "the node's AE title in \"" + text + "\"");
    std::string rest = text.substr(at + 1);
    std::string portText;
    if (!rest.empty() && rest.front() == '[') {
        const auto close = rest.find(']');
        if (close == std::string::npos || close + 1 >= rest.size() || rest[close + 1] != ':')
            return fail("an IPv6 host is written [ADDRESS]:PORT");
        node.host = rest.substr(1, close - 1);
        portText = rest.substr(close + 2);
    } else {
        const auto colon = rest.rfind(':');
        if (colon == std::string::npos)
            return fail("no ':' before the port");
        node.host = rest.substr(0, colon);
        portText = rest.substr(colon + 1);
    }
    if (node.host.empty())
        return fail("the host is empty");
    if (portText.empty() || portText.size() > 5 ||
        portText.find_first_not_of("0123456789") != std::string::npos)
        return fail("the port \"" + portText + "\" is not a number");
    node.port = std::stoi(portText);
    if (node.port < 1 || node.port > 65535)
        return fail("the port " + portText + " is outside 1..65535");
    return node;
}

}  // namespace cxr::pacs
