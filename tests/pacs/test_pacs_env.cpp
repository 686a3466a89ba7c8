#include "pacs/test_pacs_env.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "test_dirs.h"

namespace cxr::test {

TestPacs testPacs() {
    // CXR_TEST_ORTHANC_ENV: another Orthanc's env file (one started by hand with
    // orthanc_fixture.sh while developing), instead of the ctest fixture's.
    const char* override = std::getenv("CXR_TEST_ORTHANC_ENV");
    std::ifstream in(override && *override ? std::string(override)
                                           : std::string(CXR_TEST_TMP) + "/orthanc/orthanc.env");
    std::map<std::string, std::string> env;
    for (std::string line; std::getline(in, line);)
        if (const auto eq = line.find('='); eq != std::string::npos)
            env[line.substr(0, eq)] = line.substr(eq + 1);
    if (env.count("AET") == 0)
        throw Error(ErrorCode::NotFound, "the pacs.orthanc fixture wrote no orthanc.env");
    TestPacs p;
    p.node = pacs::DicomNode{env["AET"], "127.0.0.1", std::stoi(env["DICOM_PORT"])};
    p.httpPort = std::stoi(env["HTTP_PORT"]);
    p.moveAeTitle = env["MOVE_AET"];
    p.movePort = std::stoi(env["MOVE_PORT"]);
    return p;
}

int closedPort() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(s);
    return ntohs(a.sin_port);
}

HttpReply httpRequest(int port, const std::string& method, const std::string& path, const std::string& body) {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(s);
        throw Error(ErrorCode::Io, "cannot connect to 127.0.0.1:" + std::to_string(port));
    }
    std::ostringstream request;
    request << method << ' ' << path << " HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Length: " << body.size()
            << "\r\nConnection: close\r\n\r\n";
    const std::string head = request.str() + body;
    for (size_t sent = 0; sent < head.size();) {
        const auto n = ::send(s, head.data() + sent, head.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) {
            ::close(s);
            throw Error(ErrorCode::Io, "cannot send to 127.0.0.1:" + std::to_string(port));
        }
        sent += static_cast<size_t>(n);
    }
    std::string reply;
    char buffer[65536];
    for (ssize_t n; (n = ::recv(s, buffer, sizeof buffer, 0)) > 0;)
        reply.append(buffer, static_cast<size_t>(n));
    ::close(s);
    HttpReply r;
    const auto space = reply.find(' ');
    if (space != std::string::npos)
        r.status = std::atoi(reply.c_str() + space + 1);
    const auto end = reply.find("\r\n\r\n");
    if (end != std::string::npos)
        r.body = reply.substr(end + 4);
    return r;
}

std::string uploadToOrthanc(const TestPacs& pacs, const std::filesystem::path& file) {
    const auto bytes = readFileBytes(file);
    const auto reply = httpRequest(pacs.httpPort, "POST", "/instances", std::string(bytes.begin(), bytes.end()));
    if (reply.status != 200)
        throw Error(ErrorCode::Io, "Orthanc did not store " + file.string() + " (HTTP " +
                                       std::to_string(reply.status) + "): " + reply.body);
    return nlohmann::json::parse(reply.body).at("ID").get<std::string>();
}

}  // namespace cxr::test
