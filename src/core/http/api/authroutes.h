#pragma once

#include <QObject>

class AdminAuth;
class HttpFront;

// POST /api/login, /api/logout, /api/password and GET /api/session; installs AdminAuth as the admin
// guard of every Access::Admin route.
class AuthRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthRoutes)

public:
    // A child of http; registers its routes there.
    AuthRoutes(HttpFront *http, AdminAuth *auth);
};
