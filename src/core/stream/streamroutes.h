#pragma once

class HttpFront;
class StreamManager;

// The proxy's HTTP routes: /ace/getstream, /ace/status and the admin /api/streams.
void registerStreamRoutes(HttpFront *http, StreamManager *streams);
