#pragma once

class HttpFront;
class Server;

// The admin REST API of the Xtream accounts: /api/users and /api/users/{id} (Access::Admin).
// Deleting an account, disabling it or changing its credentials ends the streams it has open.
void registerUserRoutes(HttpFront *http, Server *server);
