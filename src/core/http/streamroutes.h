#pragma once

#include "stream/streamsink.h"

class HttpFront;
class QHttpServerResponder;
class StreamManager;
struct HttpRequest;
struct StreamSource;

// The proxy's HTTP routes: /ace/getstream, /ace/status and the admin /api/streams.
void registerStreamRoutes(HttpFront *http, StreamManager *streams);

// Serves one player's request on a source: a HEAD gets the stream's headers (nothing starts),
// a GET becomes a SocketSink attached to the source's broadcast. Returns the player id, or 0
// when it was answered at once.
quint64 servePlayer(StreamManager *streams, const StreamSource &source, const HttpRequest &request,
                    QHttpServerResponder &responder, const PlayerInfo &info = PlayerInfo());
