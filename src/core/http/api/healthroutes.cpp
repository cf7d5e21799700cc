#include "healthroutes.h"

#include "http/httpfront.h"
#include "http/httputil.h"

HealthRoutes::HealthRoutes(HttpFront *http, std::function<QJsonObject()> health) : QObject(http)
{
    using Access = HttpFront::Access;
    using M = HttpFront::Method;
    http->route(M::Get | M::Head, QStringLiteral("/api/health"), Access::Public,
                [health = std::move(health)](const HttpRequest &, QHttpServerResponder &r) {
                    // Answers from the engine state the probe keeps: never waits on the engine.
                    Http::sendJson(r, health());
                });
}
