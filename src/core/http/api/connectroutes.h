#pragma once

#include <QObject>
#include <QStringList>

class Database;
class HttpFront;
class QHostAddress;
class QHttpServerResponder;
class Settings;
struct HttpRequest;

// GET /api/connect[?user_id=N]: where a TV reaches AceHub on this machine's networks (never
// loopback) and, for an Xtream user, the server URL, credentials and M3U / XMLTV links to type
// in (docs/admin-api.md, "Connecting a TV").
class ConnectRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectRoutes)

public:
    // database and settings outlive this object (the Server's); a child of http.
    ConnectRoutes(Database *database, const Settings &settings, HttpFront *http);

    // The non-loopback addresses of the up interfaces a listener bound to bind accepts
    // connections on, IPv4 first (IPv6 link-local ones left out: a URL cannot carry them).
    static QStringList reachableAddresses(const QHostAddress &bind);

private:
    void handle(const HttpRequest &req, QHttpServerResponder &r);

    Database *m_database;
    const Settings &m_settings;
    HttpFront *m_http;
};
