#include "authroutes.h"

#include "auth/adminauth.h"
#include "http/httpfront.h"

AuthRoutes::AuthRoutes(HttpFront *http, AdminAuth *auth) : QObject(http)
{
    using Access = HttpFront::Access;
    using M = HttpFront::Method;
    http->setAdminGuard([auth](const HttpRequest &req, QHttpServerResponder &r) {
        return auth->guard(req, r);
    });
    http->route(
            M::Post, QStringLiteral("/api/login"), Access::Public,
            [auth](const HttpRequest &req, QHttpServerResponder &r) { auth->handleLogin(req, r); });
    http->route(M::Post, QStringLiteral("/api/logout"), Access::Admin,
                [auth](const HttpRequest &req, QHttpServerResponder &r) {
                    auth->handleLogout(req, r);
                });
    http->route(M::Get | M::Head, QStringLiteral("/api/session"), Access::Admin,
                [auth](const HttpRequest &req, QHttpServerResponder &r) {
                    auth->handleSession(req, r);
                });
    http->route(M::Post, QStringLiteral("/api/password"), Access::Admin,
                [auth](const HttpRequest &req, QHttpServerResponder &r) {
                    auth->handleChangePassword(req, r);
                });
}
