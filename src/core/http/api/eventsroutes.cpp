#include "eventsroutes.h"

#include "http/api/apiinput.h"
#include "http/httpfront.h"
#include "http/httputil.h"
#include "http/socketsink.h"
#include "log/logger.h"

#include <QUrlQuery>

EventsRoutes::EventsRoutes(EventHub *hub, HttpFront *http) : QObject(http), m_hub(hub)
{
    m_tick.setInterval(kCheckMs);
    connect(&m_tick, &QTimer::timeout, this, &EventsRoutes::tick);
    connect(hub, &EventHub::published, this, &EventsRoutes::onEvent);
    http->route(HttpFront::Method::Get, QStringLiteral("/api/events"), HttpFront::Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) { handle(req, r); });
}

EventsRoutes::~EventsRoutes() // the sinks are children: their connections abort
{
    if (m_hub)
        m_hub->setListeners(0);
}

void EventsRoutes::handle(const HttpRequest &req, QHttpServerResponder &r)
{
    const auto query = Api::Query::check(req, r, {QStringLiteral("log")});
    if (!query)
        return;
    int logRank = -1;
    if (query->has(QStringLiteral("log"))) {
        logRank = LogLine::levelRank(query->text(QStringLiteral("log")));
        if (logRank < 0) {
            Http::sendError(r, Http::Status::BadRequest,
                            QStringLiteral("log: expected debug, info, warning or error"));
            return;
        }
    }
    if (!m_hub) {
        Http::sendError(r, Http::Status::ServiceUnavailable, QStringLiteral("no events"));
        return;
    }
    const quint64 id = m_nextId++;
    SocketSink *sink = SocketSink::take(
            req, r,
            SocketSink::Head {"text/event-stream; charset=utf-8", {{"X-Accel-Buffering", "no"}}});
    if (!sink)
        return;
    sink->setId(id);
    sink->setParent(this);
    // Queued: a client dropped while an event is being written to all must stay in the map
    // until that loop is done.
    connect(sink, &StreamSink::gone, this, &EventsRoutes::remove, Qt::QueuedConnection);
    Client &client = m_clients[id];
    client.sink = sink;
    client.logRank = logRank;
    m_hub->setListeners(int(m_clients.size()));
    sink->startStream();
    QByteArray first = m_hub->helloEvent();
    const QByteArray lastEventId = req.http.value("Last-Event-ID").trimmed();
    if (!lastEventId.isEmpty()) {
        if (const auto missed = m_hub->replayAfter(lastEventId)) {
            for (const QByteArray &e : *missed)
                first += e;
        } else {
            first += m_hub->resyncEvent();
        }
    }
    if (!send(client, first))
        return;
    if (!m_tick.isActive())
        m_tick.start();
}

bool EventsRoutes::send(Client &client, const QByteArray &bytes)
{
    SocketSink *sink = client.sink;
    if (!sink->isOpen())
        return false;
    sink->write(bytes);
    if (sink->bytesQueued() <= kMaxQueuedBytes)
        return true;
    qCWarning(lcHttp).noquote() << "Event client" << sink->id() << "(" + sink->address() + ")"
                                << "dropped:" << sink->bytesQueued() / 1024 << "KiB unread";
    sink->close(true); // gone() follows and removes it
    return false;
}

void EventsRoutes::onEvent(const EventHub::Event &event)
{
    if (m_clients.isEmpty())
        return;
    for (Client &c : m_clients) {
        if (event.logRank >= 0 && (c.logRank < 0 || event.logRank < c.logRank))
            continue;
        send(c, event.wire);
    }
}

void EventsRoutes::tick()
{
    if (m_clients.isEmpty()) {
        m_tick.stop();
        return;
    }
    for (Client &c : m_clients)
        c.sink->checkPeer(); // gone() is queued: the map stays as it is during the loop
    if (++m_ticksSincePing < kPingMs / kCheckMs)
        return;
    m_ticksSincePing = 0;
    static const QByteArray kPing = QByteArrayLiteral(": ping\n\n");
    for (Client &c : m_clients)
        send(c, kPing);
}

void EventsRoutes::remove(quint64 id)
{
    const auto it = m_clients.find(id);
    if (it == m_clients.end())
        return;
    it->sink->deleteLater();
    m_clients.erase(it);
    if (m_hub)
        m_hub->setListeners(int(m_clients.size()));
}
