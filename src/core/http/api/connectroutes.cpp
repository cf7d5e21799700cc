#include "connectroutes.h"

#include "http/httpfront.h"
#include "http/httputil.h"
#include "storage/database.h"
#include "storage/settings.h"
#include "xtream/userstore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QUrl>

ConnectRoutes::ConnectRoutes(Database *database, const Settings &settings, HttpFront *http)
    : QObject(http), m_database(database), m_settings(settings), m_http(http)
{
    http->route(HttpFront::Method::Get | HttpFront::Method::Head, QStringLiteral("/api/connect"),
                HttpFront::Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) { handle(req, r); });
}

QStringList ConnectRoutes::reachableAddresses(const QHostAddress &bind)
{
    // 0.0.0.0 listens on IPv4 only; :: on both (Linux is dual-stack); anything else on itself.
    const bool anyV4 = bind == QHostAddress::AnyIPv4 || bind == QHostAddress::Any;
    const bool anyV6 = bind == QHostAddress::AnyIPv6 || bind == QHostAddress::Any;
    QStringList v4;
    QStringList v6;
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &iface : interfaces) {
        const auto flags = iface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp)
            || !flags.testFlag(QNetworkInterface::IsRunning)
            || flags.testFlag(QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &entry : iface.addressEntries()) {
            const QHostAddress ip = entry.ip();
            if (ip.isLoopback() || ip.isLinkLocal() || ip.isNull())
                continue;
            const bool isV4 = ip.protocol() == QAbstractSocket::IPv4Protocol;
            const bool accepted
                    = isV4 ? (anyV4 || anyV6 || ip.isEqual(bind)) : (anyV6 || ip.isEqual(bind));
            if (!accepted)
                continue;
            QStringList &list = isV4 ? v4 : v6;
            const QString text
                    = QHostAddress(ip.toString().section(QLatin1Char('%'), 0, 0)).toString();
            if (!list.contains(text))
                list.append(text);
        }
    }
    return v4 + v6;
}

void ConnectRoutes::handle(const HttpRequest &req, QHttpServerResponder &r)
{
    std::optional<qint64> userId;
    const auto items = req.query().queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        if (item.first != QLatin1String("user_id")) {
            Http::sendError(r, Http::Status::BadRequest,
                            QStringLiteral("%1: unknown parameter").arg(item.first));
            return;
        }
        qint64 id = 0;
        if (!Http::parseInt(item.second, 1, std::numeric_limits<qint64>::max(), &id)) {
            Http::sendError(r, Http::Status::BadRequest,
                            QStringLiteral("user_id: expected a user id"));
            return;
        }
        userId = id;
    }
    std::optional<XtreamUser> user;
    if (userId) {
        user = UserStore::byId(m_database->connection(), *userId);
        if (!user) {
            Http::sendError(r, Http::Status::NotFound,
                            QStringLiteral("user_id: no such user: %1").arg(*userId));
            return;
        }
    }
    const int port = m_http->port();
    const QStringList addresses = reachableAddresses(m_settings.bindHostAddress());
    auto urlOf = [port](const QString &host) {
        const bool v6 = host.contains(QLatin1Char(':'));
        return QStringLiteral("http://%1:%2")
                .arg(v6 ? QLatin1Char('[') + host + QLatin1Char(']') : host)
                .arg(port);
    };
    QJsonArray urls;
    for (const QString &a : addresses)
        urls.append(urlOf(a));
    // No network address (a machine on loopback only): what the client itself used.
    const QString host = QString::fromUtf8(req.http.value("Host"));
    const QString server = addresses.isEmpty()
                                   ? (host.isEmpty() ? urlOf(QStringLiteral("127.0.0.1"))
                                                     : QStringLiteral("http://") + host)
                                   : urls.first().toString();
    QJsonObject answer {{QStringLiteral("port"), port},
                        {QStringLiteral("addresses"), QJsonArray::fromStringList(addresses)},
                        {QStringLiteral("server"), server},
                        {QStringLiteral("urls"), urls}};
    if (user) {
        const QString u = QString::fromLatin1(QUrl::toPercentEncoding(user->username));
        const QString p = QString::fromLatin1(QUrl::toPercentEncoding(user->password));
        answer.insert(
                QStringLiteral("user"),
                QJsonObject {
                        {QStringLiteral("id"), user->id},
                        {QStringLiteral("username"), user->username},
                        {QStringLiteral("password"), user->password},
                        {QStringLiteral("server"), server},
                        {QStringLiteral("m3u"),
                         QStringLiteral(
                                 "%1/get.php?username=%2&password=%3&type=m3u_plus&output=ts")
                                 .arg(server, u, p)},
                        {QStringLiteral("xmltv"),
                         QStringLiteral("%1/xmltv.php?username=%2&password=%3").arg(server, u, p)},
                });
    }
    Http::sendJson(r, answer);
}
