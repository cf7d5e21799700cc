#pragma once

#include <QJsonObject>
#include <QObject>

#include <functional>

class HttpFront;

// GET /api/health (public): the server's state for monitors and the faces.
class HealthRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthRoutes)

public:
    // A child of http; registers its route there. health: builds the answer (Server::health,
    // from state kept in memory: it never waits).
    HealthRoutes(HttpFront *http, std::function<QJsonObject()> health);
};
