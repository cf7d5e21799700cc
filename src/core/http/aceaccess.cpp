#include "aceaccess.h"

#include "http/httpfront.h"
#include "http/httputil.h"
#include "log/logger.h"
#include "storage/settings.h"

#include <QElapsedTimer>
#include <QNetworkInterface>

namespace AceAccess {

QList<QPair<QHostAddress, int>> localNetworks()
{
    QList<QPair<QHostAddress, int>> out;
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &i : interfaces) {
        if (!i.flags().testFlag(QNetworkInterface::IsUp))
            continue;
        for (const QNetworkAddressEntry &e : i.addressEntries()) {
            if (e.prefixLength() >= 0)
                out.append({e.ip(), e.prefixLength()});
        }
    }
    return out;
}

bool isLocalNetwork(const QHostAddress &peer, const QList<QPair<QHostAddress, int>> &networks)
{
    bool v4 = false;
    const quint32 ip4 = peer.toIPv4Address(&v4);
    const QHostAddress address = v4 ? QHostAddress(ip4) : peer;
    if (address.isLoopback())
        return true;
    for (const auto &n : networks) {
        if (address.isInSubnet(n.first, n.second))
            return true;
    }
    return false;
}

void registerGuard(HttpFront *http, const Settings *settings)
{
    struct Cache
    {
        QElapsedTimer age;
        QList<QPair<QHostAddress, int>> networks;
    };
    auto cache = std::make_shared<Cache>();
    const auto guard = [http, settings, cache](HttpRequest &req, QHttpServerResponder &r) {
        const auto admin = http->adminCredentials(req, r);
        if (!admin)
            return false; // wrong credentials: answered
        req.admin = *admin;
        const QString access = settings->aceAccess();
        if (*admin || access == QLatin1String("anyone"))
            return true;
        const QHostAddress peer = req.http.remoteAddress();
        if (access == QLatin1String("lan")) {
            // Interfaces change rarely (a DHCP lease, a VPN); listing them costs system calls.
            if (!cache->age.isValid() || cache->age.elapsed() > 30000) {
                cache->networks = localNetworks();
                cache->age.start();
            }
            if (isLocalNetwork(peer, cache->networks))
                return true;
        }
        qCInfo(lcHttp).noquote() << "Refused" << req.http.url().path() << "to" << peer.toString()
                                 << "(ace_access" << access << ")";
        Http::sendError(r, Http::Status::Forbidden,
                        access == QLatin1String("none")
                                ? QStringLiteral("the AceStream routes need an admin sign-in here "
                                                 "(setting ace_access)")
                                : QStringLiteral("the AceStream routes are open to this "
                                                 "machine's networks only (setting ace_access)"));
        return false;
    };
    http->addRouteGuard({QStringLiteral("/ace/getstream"), QStringLiteral("/ace/getstream/"),
                         QStringLiteral("/ace/status")},
                        guard);
}

} // namespace AceAccess
