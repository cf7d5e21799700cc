#include "apiclient.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace {

const QByteArray kJson = QByteArrayLiteral("application/json");

QString sourcesBase(bool guide)
{
    return guide ? QStringLiteral("/api/epg-sources") : QStringLiteral("/api/sources");
}

QByteArray toJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

ApiClient::ApiClient(QObject *parent) : QObject(parent), m_net(new QNetworkAccessManager(this))
{
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &ApiClient::openEvents);
}

ApiClient::~ApiClient()
{
    if (m_events) {
        m_events->disconnect(this);
        m_events->abort();
    }
}

void ApiClient::connectTo(const QUrl &base, const QString &token)
{
    disconnectFromServer();
    m_base = base;
    m_token = token.toUtf8();
    m_lastEventId.clear();
    m_instance.clear();
    m_backoffMs = 500;
    if (m_base.isValid())
        openEvents();
}

void ApiClient::disconnectFromServer()
{
    m_reconnect.stop();
    if (m_events) {
        QNetworkReply *reply = m_events;
        m_events = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    m_buffer.clear();
    setConnected(false);
}

QUrl ApiClient::dashboardUrl() const
{
    QUrl url = m_base;
    url.setPath(QStringLiteral("/"));
    return url;
}

void ApiClient::login(const QUrl &base, const QString &password, QObject *context, Callback done)
{
    QUrl url = base;
    url.setPath(QStringLiteral("/api/login"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, kJson);
    request.setTransferTimeout(30000);
    QNetworkReply *reply
            = m_net->post(request, toJson(QJsonObject {{QStringLiteral("password"), password}}));
    connect(reply, &QNetworkReply::finished, context, [reply, done] {
        ApiResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.json = QJsonDocument::fromJson(result.body).object();
        result.error = result.json.value(QLatin1String("error")).toString();
        if (result.error.isEmpty() && !result.ok())
            result.error = reply->errorString();
        done(result);
    });
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

QNetworkReply *ApiClient::start(const QByteArray &method, const QString &path,
                                const QUrlQuery &query, const QByteArray &body,
                                const QByteArray &contentType)
{
    QUrl url = m_base;
    // Paths arrive encoded (a stream key is percent-encoded: "ace%3A…", "url%3Ahttp%3A%2F%2F…"):
    // setPath's default (DecodedMode) would encode the '%' again.
    url.setPath(path, QUrl::TolerantMode);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    request.setTransferTimeout(120000);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    return m_net->sendCustomRequest(request, method, body);
}

QNetworkReply *ApiClient::send(const QByteArray &method, const QString &path,
                               const QUrlQuery &query, const QByteArray &body,
                               const QByteArray &contentType, QObject *context, Callback done)
{
    if (!m_base.isValid()) {
        ApiResult result;
        result.error = tr("Not connected to an AceHub");
        QMetaObject::invokeMethod(
                context, [done, result] { done(result); }, Qt::QueuedConnection);
        return nullptr;
    }
    QNetworkReply *reply = start(method, path, query, body, contentType);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 401)
            Q_EMIT unauthorized();
    });
    connect(reply, &QNetworkReply::finished, context, [reply, done] {
        ApiResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        const QJsonDocument doc = QJsonDocument::fromJson(result.body);
        result.json = doc.object();
        if (!result.ok()) {
            result.error = result.json.value(QLatin1String("error")).toString();
            if (result.error.isEmpty())
                result.error = reply->errorString();
        }
        done(result);
    });
    return reply;
}

void ApiClient::get(const QString &path, const QUrlQuery &query, QObject *context, Callback done)
{
    send("GET", path, query, {}, {}, context, std::move(done));
}

void ApiClient::sendJson(const QByteArray &method, const QString &path, const QJsonObject &body,
                         QObject *context, Callback done)
{
    send(method, path, {}, toJson(body), kJson, context, std::move(done));
}

void ApiClient::health(QObject *context, Callback done)
{
    get(QStringLiteral("/api/health"), {}, context, std::move(done));
}

void ApiClient::connectInfo(qint64 userId, QObject *context, Callback done)
{
    QUrlQuery q;
    if (userId > 0)
        q.addQueryItem(QStringLiteral("user_id"), QString::number(userId));
    get(QStringLiteral("/api/connect"), q, context, std::move(done));
}

void ApiClient::streams(QObject *context, Callback done)
{
    get(QStringLiteral("/api/streams"), {}, context, std::move(done));
}

void ApiClient::stopStream(const QString &key, QObject *context, Callback done)
{
    send("DELETE",
         QStringLiteral("/api/streams/") + QString::fromLatin1(QUrl::toPercentEncoding(key)), {},
         {}, {}, context, std::move(done));
}

void ApiClient::kickPlayer(const QString &key, qint64 playerId, QObject *context, Callback done)
{
    send("DELETE",
         QStringLiteral("/api/streams/%1/clients/%2")
                 .arg(QString::fromLatin1(QUrl::toPercentEncoding(key)))
                 .arg(playerId),
         {}, {}, {}, context, std::move(done));
}

void ApiClient::channels(const QUrlQuery &query, QObject *context, Callback done)
{
    get(QStringLiteral("/api/channels"), query, context, std::move(done));
}

void ApiClient::channel(qint64 id, QObject *context, Callback done)
{
    get(QStringLiteral("/api/channels/%1").arg(id), {}, context, std::move(done));
}

void ApiClient::updateChannel(qint64 id, const QJsonObject &changes, QObject *context,
                              Callback done)
{
    sendJson("PATCH", QStringLiteral("/api/channels/%1").arg(id), changes, context,
             std::move(done));
}

void ApiClient::deleteChannel(qint64 id, QObject *context, Callback done)
{
    send("DELETE", QStringLiteral("/api/channels/%1").arg(id), {}, {}, {}, context,
         std::move(done));
}

void ApiClient::bulkChannels(const QJsonObject &body, QObject *context, Callback done)
{
    sendJson("POST", QStringLiteral("/api/channels/bulk"), body, context, std::move(done));
}

void ApiClient::checkChannels(const QList<qint64> &ids, QObject *context, Callback done)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    sendJson("POST", QStringLiteral("/api/checks"), QJsonObject {{QStringLiteral("ids"), array}},
             context, std::move(done));
}

void ApiClient::guideChannels(const QString &search, QObject *context, Callback done)
{
    QUrlQuery q;
    if (!search.isEmpty())
        q.addQueryItem(QStringLiteral("search"), search);
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
    get(QStringLiteral("/api/epg-channels"), q, context, std::move(done));
}

void ApiClient::categories(QObject *context, Callback done)
{
    get(QStringLiteral("/api/categories"), {}, context, std::move(done));
}

void ApiClient::createCategory(const QString &name, QObject *context, Callback done)
{
    sendJson("POST", QStringLiteral("/api/categories"),
             QJsonObject {{QStringLiteral("name"), name}}, context, std::move(done));
}

void ApiClient::updateCategory(qint64 id, const QJsonObject &changes, QObject *context,
                               Callback done)
{
    sendJson("PATCH", QStringLiteral("/api/categories/%1").arg(id), changes, context,
             std::move(done));
}

void ApiClient::deleteCategory(qint64 id, QObject *context, Callback done)
{
    send("DELETE", QStringLiteral("/api/categories/%1").arg(id), {}, {}, {}, context,
         std::move(done));
}

void ApiClient::orderCategories(const QList<qint64> &ids, QObject *context, Callback done)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    sendJson("PUT", QStringLiteral("/api/categories/order"),
             QJsonObject {{QStringLiteral("ids"), array}}, context, std::move(done));
}

void ApiClient::sources(bool guide, QObject *context, Callback done)
{
    get(sourcesBase(guide), {}, context, std::move(done));
}

void ApiClient::createSource(bool guide, const QJsonObject &body, QObject *context, Callback done)
{
    sendJson("POST", sourcesBase(guide), body, context, std::move(done));
}

void ApiClient::uploadSource(bool guide, const QString &name, const QByteArray &file,
                             QObject *context, Callback done,
                             std::function<void(qint64, qint64)> sent)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("name"), name);
    QNetworkReply *reply
            = send("POST", sourcesBase(guide) + QStringLiteral("/upload"), q, file,
                   QByteArrayLiteral("application/octet-stream"), context, std::move(done));
    if (reply && sent)
        connect(reply, &QNetworkReply::uploadProgress, context, std::move(sent));
}

void ApiClient::updateSource(bool guide, qint64 id, const QJsonObject &changes, QObject *context,
                             Callback done)
{
    sendJson("PATCH", sourcesBase(guide) + QStringLiteral("/%1").arg(id), changes, context,
             std::move(done));
}

void ApiClient::deleteSource(bool guide, qint64 id, QObject *context, Callback done)
{
    send("DELETE", sourcesBase(guide) + QStringLiteral("/%1").arg(id), {}, {}, {}, context,
         std::move(done));
}

void ApiClient::refreshSource(bool guide, qint64 id, QObject *context, Callback done)
{
    send("POST", sourcesBase(guide) + QStringLiteral("/%1/refresh").arg(id), {}, {}, {}, context,
         std::move(done));
}

void ApiClient::users(QObject *context, Callback done)
{
    get(QStringLiteral("/api/users"), {}, context, std::move(done));
}

void ApiClient::createUser(const QJsonObject &body, QObject *context, Callback done)
{
    sendJson("POST", QStringLiteral("/api/users"), body, context, std::move(done));
}

void ApiClient::updateUser(qint64 id, const QJsonObject &changes, QObject *context, Callback done)
{
    sendJson("PATCH", QStringLiteral("/api/users/%1").arg(id), changes, context, std::move(done));
}

void ApiClient::deleteUser(qint64 id, QObject *context, Callback done)
{
    send("DELETE", QStringLiteral("/api/users/%1").arg(id), {}, {}, {}, context, std::move(done));
}

void ApiClient::logs(const QUrlQuery &query, QObject *context, Callback done)
{
    get(QStringLiteral("/api/logs"), query, context, std::move(done));
}

void ApiClient::logTail(int lines, QObject *context, Callback done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("lines"), QString::number(lines));
    get(QStringLiteral("/api/logs/tail"), q, context, std::move(done));
}

void ApiClient::settings(QObject *context, Callback done)
{
    get(QStringLiteral("/api/settings"), {}, context, std::move(done));
}

void ApiClient::settingsSchema(QObject *context, Callback done)
{
    get(QStringLiteral("/api/settings/schema"), {}, context, std::move(done));
}

void ApiClient::updateSettings(const QJsonObject &values, QObject *context, Callback done)
{
    sendJson("PATCH", QStringLiteral("/api/settings"), values, context, std::move(done));
}

void ApiClient::changePassword(const QString &current, const QString &next, QObject *context,
                               Callback done)
{
    sendJson("POST", QStringLiteral("/api/password"),
             QJsonObject {{QStringLiteral("current_password"), current},
                          {QStringLiteral("new_password"), next}},
             context, std::move(done));
}

void ApiClient::backup(QObject *context, Callback done)
{
    get(QStringLiteral("/api/backup"), {}, context, std::move(done));
}

void ApiClient::restore(const QByteArray &document, QObject *context, Callback done)
{
    send("POST", QStringLiteral("/api/restore"), {}, document, kJson, context, std::move(done));
}

// --- the event stream ---

void ApiClient::openEvents()
{
    if (!m_base.isValid() || m_events)
        return;
    QUrl url = m_base;
    url.setPath(QStringLiteral("/api/events"));
    url.setQuery(QStringLiteral("log=debug"));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    request.setRawHeader("Accept", "text/event-stream");
    if (!m_lastEventId.isEmpty())
        request.setRawHeader("Last-Event-ID", m_lastEventId.toUtf8());
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    m_buffer.clear();
    m_eventType.clear();
    m_eventData.clear();
    m_eventId.clear();
    m_events = m_net->get(request);
    connect(m_events, &QNetworkReply::readyRead, this, [this] {
        if (!m_events)
            return;
        const int status = m_events->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200)
            return; // read at the end, as an error
        feedEventStream(m_events->readAll());
    });
    connect(m_events, &QNetworkReply::finished, this, &ApiClient::eventsEnded);
}

void ApiClient::eventsEnded()
{
    QNetworkReply *reply = m_events;
    m_events = nullptr;
    if (!reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    setConnected(false);
    if (status == 401)
        Q_EMIT unauthorized();
    // Reconnect by itself; quickly at first, then at most every 5 s.
    m_reconnect.start(m_backoffMs);
    m_backoffMs = qMin(m_backoffMs * 2, 5000);
}

void ApiClient::setConnected(bool connected)
{
    if (m_connected == connected)
        return;
    m_connected = connected;
    Q_EMIT connectedChanged(connected);
}

void ApiClient::feedEventStream(const QByteArray &chunk)
{
    m_buffer += chunk;
    qsizetype start = 0;
    for (;;) {
        const qsizetype nl = m_buffer.indexOf('\n', start);
        if (nl < 0)
            break;
        QByteArray line = m_buffer.mid(start, nl - start);
        start = nl + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty()) {
            if (!m_eventData.isEmpty() || !m_eventType.isEmpty()) {
                if (m_eventData.endsWith('\n'))
                    m_eventData.chop(1);
                dispatch(m_eventType.isEmpty() ? QStringLiteral("message") : m_eventType,
                         m_eventData, m_eventId);
            }
            m_eventType.clear();
            m_eventData.clear();
            m_eventId.clear();
            continue;
        }
        if (line.startsWith(':'))
            continue; // a comment: the server's ping
        const qsizetype colon = line.indexOf(':');
        const QByteArray field = colon < 0 ? line : line.left(colon);
        QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
        if (value.startsWith(' '))
            value.remove(0, 1);
        if (field == "event")
            m_eventType = QString::fromUtf8(value);
        else if (field == "data")
            m_eventData += value + '\n';
        else if (field == "id")
            m_eventId = QString::fromUtf8(value);
    }
    m_buffer.remove(0, start);
}

void ApiClient::dispatch(const QString &type, const QByteArray &data, const QString &id)
{
    if (!id.isEmpty())
        m_lastEventId = id;
    const QJsonObject object = QJsonDocument::fromJson(data).object();
    if (type == QLatin1String("hello")) {
        m_backoffMs = 500;
        const QString instance = object.value(QLatin1String("instance")).toString();
        const bool restarted = !m_instance.isEmpty() && instance != m_instance;
        m_instance = instance;
        if (m_lastEventId.isEmpty())
            m_lastEventId = object.value(QLatin1String("last_id")).toString();
        setConnected(true);
        if (restarted)
            Q_EMIT resynced();
    } else if (type == QLatin1String("resync")) {
        Q_EMIT resynced();
    }
    Q_EMIT event(type, object);
}
