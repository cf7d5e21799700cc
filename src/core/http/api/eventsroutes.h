#pragma once

#include "events/eventhub.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

class SocketSink;
class HttpFront;
class QHttpServerResponder;
struct HttpRequest;

// GET /api/events: Server-Sent Events from the EventHub (docs/admin-api.md, "Live events").
// Each connection is taken out of the request cycle as a SocketSink, like a player: every event
// is written to it as the one shared buffer the hub formatted; a client with more than
// kMaxQueuedBytes unread is dropped and the others go on. A ": ping" every 15 s keeps proxies
// and dead-peer detection honest; once a second each client is checked for a hang-up (a sink
// does not poll its connection for reading).
class EventsRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventsRoutes)

public:
    static constexpr qint64 kMaxQueuedBytes = 1024 * 1024;
    static constexpr int kPingMs = 15000;
    static constexpr int kCheckMs = 1000;

    // Registers the route on http; a child of http (goes with it).
    EventsRoutes(EventHub *hub, HttpFront *http);
    ~EventsRoutes() override;

    int clientCount() const { return int(m_clients.size()); }

private:
    struct Client
    {
        SocketSink *sink = nullptr; // owned here
        int logRank = -1; // the least log level sent; -1: no log lines
    };
    void handle(const HttpRequest &req, QHttpServerResponder &r);
    void onEvent(const EventHub::Event &event);
    void tick(); // once every kCheckMs while there are clients
    // Writes; false when the client was dropped (too much unread).
    bool send(Client &client, const QByteArray &bytes);
    void remove(quint64 id);

    QPointer<EventHub> m_hub;
    QHash<quint64, Client> m_clients;
    quint64 m_nextId = 1;
    QTimer m_tick;
    int m_ticksSincePing = 0;
};
