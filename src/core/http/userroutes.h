#pragma once

#include <QString>
#include <functional>

class Database;
class HttpFront;

// The admin REST API of the Xtream accounts: /api/users and /api/users/{id} (Access::Admin).
// activeConnections(username) gives each account's open streams for the listing.
void registerUserRoutes(HttpFront *http, Database *database,
                        std::function<int(const QString &)> activeConnections);
