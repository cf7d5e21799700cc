#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>

class HttpFront;
class Settings;

// Who may use the anonymous AceStream routes (/ace/getstream, /ace/status), by the setting
// ace_access: anyone, lan (a peer in one of this machine's networks, or loopback) or none. The
// admin (credentials on the request) always may; its streams are tagged "admin" and so are not
// held to ace_anonymous_sessions, and only the admin sees engine URLs in /ace/status.
namespace AceAccess {

// settings: the server's, read at each request (ace_access changes at run time).
void registerGuard(HttpFront *http, const Settings *settings);

// Whether peer is this machine or in the subnet of one of its interfaces. networks: the
// interfaces' (address, prefix length) pairs, see localNetworks().
bool isLocalNetwork(const QHostAddress &peer, const QList<QPair<QHostAddress, int>> &networks);
QList<QPair<QHostAddress, int>> localNetworks();

} // namespace AceAccess
