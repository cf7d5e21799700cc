#pragma once

#include "stream/streamsink.h"

class Database;
class HttpFront;
class QHttpServerResponder;
class StreamManager;
struct HttpRequest;
struct StreamSource;

// The proxy's HTTP routes: /ace/getstream, /ace/status and the admin /api/streams. The
// database (may be null) names the catalog channel an /ace player's id belongs to.
void registerStreamRoutes(HttpFront *http, StreamManager *streams, Database *db = nullptr);

// Serves one player's request on a source: a HEAD gets the stream's headers (nothing starts),
// a GET becomes a SocketSink attached to the source's broadcast. Returns the player id, or 0
// when it was answered at once.
quint64 servePlayer(StreamManager *streams, const StreamSource &source, const HttpRequest &request,
                    QHttpServerResponder &responder, const PlayerInfo &info = PlayerInfo());
