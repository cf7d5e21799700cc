#include "fakeengine.h"

#include "rawrequest.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

namespace {

constexpr int kTickMs = 5;
constexpr qint64 kMaxSocketBacklog = 512 * 1024; // beyond this the reader is slow: wait

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 500:
        return "Internal Server Error";
    default:
        return "Status";
    }
}

bool isAceId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-fA-F]{40}$"));
    return re.match(id).hasMatch();
}

// A valid, if empty, TS when the ffmpeg sample is missing: null packets only.
QByteArray nullPackets(int count)
{
    QByteArray packet(188, char(0xff));
    packet[0] = 0x47;
    packet[1] = 0x1f;
    packet[2] = char(0xff);
    packet[3] = 0x10;
    return packet.repeated(count);
}

} // namespace

FakeEngine::FakeEngine(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeEngine::onNewConnection);
    m_tick.setTimerType(Qt::PreciseTimer);
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &FakeEngine::onTick);
    m_clock.start();
    if (!loadTs(defaultTsPath()))
        m_ts = nullPackets(5000);
}

FakeEngine::~FakeEngine()
{
    for (const Stream &s : std::as_const(m_streams)) {
        if (s.socket)
            s.socket->abort();
    }
}

QString FakeEngine::defaultTsPath()
{
#ifdef FAKE_ENGINE_SAMPLE_TS
    return QStringLiteral(FAKE_ENGINE_SAMPLE_TS);
#else
    return {};
#endif
}

QString FakeEngine::longGopTsPath()
{
#ifdef FAKE_ENGINE_LONG_GOP_TS
    return QStringLiteral(FAKE_ENGINE_LONG_GOP_TS);
#else
    return {};
#endif
}

bool FakeEngine::loadTs(const QString &path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return false;
    QByteArray data = file.readAll();
    data.truncate(data.size() - data.size() % 188);
    if (data.size() < 188 || data.at(0) != 0x47)
        return false;
    m_ts = data;
    return true;
}

bool FakeEngine::listen(const QHostAddress &address, quint16 port)
{
    m_address = address;
    if (!m_server.listen(address, port)) {
        m_error = m_server.errorString();
        return false;
    }
    m_port = m_server.serverPort();
    return true;
}

QString FakeEngine::baseUrl() const
{
    const QString host = m_address == QHostAddress::Any || m_address == QHostAddress::AnyIPv4
                                 ? QStringLiteral("127.0.0.1")
                                 : m_address.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(m_port);
}

void FakeEngine::setRefusing(bool refusing)
{
    if (refusing) {
        m_server.close();
    } else if (!m_server.isListening()) {
        m_server.listen(m_address, m_port);
    }
}

void FakeEngine::resetCounters()
{
    m_requests.clear();
    m_pids.clear();
    m_playbackAddresses.clear();
    m_getstreamRequests = m_sessionsStarted = m_sessionsStopped = m_statRequests = 0;
    m_stopsRefused = 0;
    m_playbackConnections = m_directRequests = 0;
    m_bytesServed = 0;
}

void FakeEngine::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_pending.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeEngine::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_pending[socket];
    buffer += socket->readAll();
    // Possibly several requests on a kept-alive connection.
    while (const auto request = takeRawRequest(buffer)) {
        if (request->method.isEmpty()) {
            answer(socket, 400, "text/plain", "bad request line\n");
            socket->disconnectFromHost();
            return;
        }
        handle(socket, request->method, request->target);
        if (!m_pending.contains(socket))
            return; // the connection became a stream or went away
    }
}

void FakeEngine::answer(QTcpSocket *socket, int status, const QByteArray &type,
                        const QByteArray &body, const QByteArray &extraHeaders)
{
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status)
                  + "\r\nContent-Type: " + type + "\r\nContent-Length: "
                  + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body);
}

void FakeEngine::answerJson(QTcpSocket *socket, const QJsonObject &object)
{
    answer(socket, 200, "application/json", QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void FakeEngine::handle(QTcpSocket *socket, const QByteArray &method, const QByteArray &target)
{
    const QString line = QString::fromLatin1(method + ' ' + target);
    m_requests.append(line);
    Q_EMIT requestReceived(line);
    const QUrl url(QString::fromLatin1(target));
    const QString path = url.path();
    const QUrlQuery query(url);
    if (method != "GET") {
        answer(socket, 405, "text/plain", "method not allowed\n");
        return;
    }
    if (path == QLatin1String("/webui/api/service")) {
        if (query.queryItemValue(QStringLiteral("method")) != QLatin1String("get_version")) {
            answerJson(socket, {{QStringLiteral("result"), QJsonValue()},
                                {QStringLiteral("error"), QStringLiteral("unknown method")}});
            return;
        }
        answerJson(socket, {{QStringLiteral("result"),
                             QJsonObject {{QStringLiteral("code"), 3017400},
                                          {QStringLiteral("platform"), QStringLiteral("linux")},
                                          {QStringLiteral("version"), QStringLiteral("3.1.74")}}},
                            {QStringLiteral("error"), QJsonValue()}});
        return;
    }
    if (path == QLatin1String("/server/api")) {
        const QString cid = query.queryItemValue(QStringLiteral("content_id"));
        if (query.queryItemValue(QStringLiteral("method")) != QLatin1String("get_media_files")
            || !isAceId(cid) || !m_faults.errorMessage.isEmpty()) {
            answerJson(socket, {{QStringLiteral("error"),
                                 QJsonObject {{QStringLiteral("message"),
                                               QStringLiteral("cannot get transport file")},
                                              {QStringLiteral("code"), 0}}}});
            return;
        }
        const QString ih = QString::fromLatin1(
                QCryptographicHash::hash(cid.toLower().toLatin1(), QCryptographicHash::Sha1)
                        .toHex());
        answerJson(socket,
                   {{QStringLiteral("result"),
                     QJsonObject {{QStringLiteral("files"),
                                   QJsonArray {QJsonArray {ih, QStringLiteral("channel.ts")}}},
                                  {QStringLiteral("name"),
                                   QStringLiteral("Fake channel ") + cid.left(8)},
                                  {QStringLiteral("infohash"), ih},
                                  {QStringLiteral("type"), QStringLiteral("live")}}}});
        return;
    }
    if (path == QLatin1String("/ace/getstream")) {
        ++m_getstreamRequests;
        if (m_faults.getstreamDelayMs > 0) {
            m_pending.remove(socket); // no more requests parsed on this connection meanwhile
            QPointer<QTcpSocket> guard(socket);
            QTimer::singleShot(m_faults.getstreamDelayMs, this, [this, guard, query] {
                if (guard) {
                    m_pending.insert(guard, QByteArray());
                    getstream(guard, query);
                }
            });
            return;
        }
        getstream(socket, query);
        return;
    }
    if (path.startsWith(QLatin1String("/ace/r/")) || path.startsWith(QLatin1String("/content/"))) {
        QString ih;
        Session *s = session(path, &ih);
        if (!s || s->stopped) {
            answer(socket, 404, "text/plain", "unknown playback session\n");
            return;
        }
        if (m_redirectPlayback && path.startsWith(QLatin1String("/ace/r/"))) {
            answer(socket, 302, "text/plain", {},
                   "Location: /content/" + ih.toLatin1() + '/' + s->id.toLatin1() + "\r\n");
            return;
        }
        startStream(socket, s->id);
        return;
    }
    if (path.startsWith(QLatin1String("/ace/stat/"))) {
        ++m_statRequests;
        QString ih;
        const Session *s = session(path, &ih);
        if (!s || s->stopped) {
            answerJson(socket,
                       {{QStringLiteral("response"), QJsonValue()},
                        {QStringLiteral("error"), QStringLiteral("unknown playback session id")}});
            return;
        }
        answerJson(socket, {{QStringLiteral("response"),
                             QJsonObject {{QStringLiteral("status"), QStringLiteral("dl")},
                                          {QStringLiteral("peers"), 7},
                                          {QStringLiteral("speed_down"), m_bitrateKbps / 8},
                                          {QStringLiteral("speed_up"), 12},
                                          {QStringLiteral("downloaded"), s->bytesSent},
                                          {QStringLiteral("uploaded"), 0},
                                          {QStringLiteral("total_progress"), 0},
                                          {QStringLiteral("progress"), 0},
                                          {QStringLiteral("playback_session_id"), s->id},
                                          {QStringLiteral("is_live"), 1},
                                          {QStringLiteral("infohash"), s->infohash}}},
                            {QStringLiteral("error"), QJsonValue()}});
        return;
    }
    if (path.startsWith(QLatin1String("/ace/cmd/"))) {
        QString ih;
        Session *s = session(path, &ih);
        if (!s || query.queryItemValue(QStringLiteral("method")) != QLatin1String("stop")) {
            answerJson(socket,
                       {{QStringLiteral("response"), QJsonValue()},
                        {QStringLiteral("error"), QStringLiteral("unknown session or method")}});
            return;
        }
        if (m_faults.failStops > 0) {
            --m_faults.failStops;
            ++m_stopsRefused;
            answer(socket, 500, "text/plain", "engine busy\n");
            return;
        }
        const QString id = s->id;
        answerJson(socket, {{QStringLiteral("response"), QStringLiteral("ok")},
                            {QStringLiteral("error"), QJsonValue()}});
        stopSession(id);
        return;
    }
    if (path.startsWith(QLatin1String("/ts/"))) {
        ++m_directRequests;
        startStream(socket, QString());
        return;
    }
    answer(socket, 404, "text/plain", "not found\n");
}

FakeEngine::Session *FakeEngine::session(const QString &path, QString *infohash)
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() < 3)
        return nullptr;
    *infohash = parts.at(parts.size() - 2);
    auto it = m_sessions.find(parts.last());
    return it == m_sessions.end() ? nullptr : &it.value();
}

void FakeEngine::getstream(QTcpSocket *socket, const QUrlQuery &query)
{
    QString id = query.queryItemValue(QStringLiteral("infohash"));
    bool byInfohash = !id.isEmpty();
    if (!byInfohash)
        id = query.queryItemValue(QStringLiteral("content_id"));
    if (id.isEmpty())
        id = query.queryItemValue(QStringLiteral("id"));
    const bool json = query.queryItemValue(QStringLiteral("format")) == QLatin1String("json");
    if (!isAceId(id) || !m_faults.errorMessage.isEmpty()) {
        const QString message = m_faults.errorMessage.isEmpty()
                                        ? QStringLiteral("failed to load content")
                                        : m_faults.errorMessage;
        if (json)
            answerJson(socket, {{QStringLiteral("response"), QJsonValue()},
                                {QStringLiteral("error"), message}});
        else
            answer(socket, 500, "text/plain", message.toUtf8() + '\n');
        return;
    }
    Session s;
    s.id = QStringLiteral("s%1").arg(m_nextSession++);
    s.infohash = byInfohash ? id.toLower()
                            : QString::fromLatin1(QCryptographicHash::hash(id.toLower().toLatin1(),
                                                                           QCryptographicHash::Sha1)
                                                          .toHex());
    s.pid = query.queryItemValue(QStringLiteral("pid"));
    m_pids.append(s.pid);
    m_sessions.insert(s.id, s);
    ++m_sessionsStarted;
    if (!json) {
        startStream(socket, s.id);
        return;
    }
    const QString base = baseUrl();
    const QString tail = s.infohash + QLatin1Char('/') + s.id;
    answerJson(socket,
               {{QStringLiteral("response"),
                 QJsonObject {
                         {QStringLiteral("playback_url"), base + QStringLiteral("/ace/r/") + tail},
                         {QStringLiteral("stat_url"), base + QStringLiteral("/ace/stat/") + tail},
                         {QStringLiteral("command_url"), base + QStringLiteral("/ace/cmd/") + tail},
                         {QStringLiteral("event_url"), base + QStringLiteral("/ace/event/") + tail},
                         {QStringLiteral("playback_session_id"), s.id},
                         {QStringLiteral("infohash"), s.infohash},
                         {QStringLiteral("is_live"), 1},
                         {QStringLiteral("is_encrypted"), 0},
                         {QStringLiteral("client_session_id"), -1}}},
                {QStringLiteral("error"), QJsonValue()}});
}

void FakeEngine::startStream(QTcpSocket *socket, const QString &session)
{
    m_pending.remove(socket); // the connection is now a one-way stream
    if (m_faults.playbackStatus >= 400) {
        answer(socket, m_faults.playbackStatus, "text/plain", "playback refused\n",
               "Connection: close\r\n");
        socket->disconnectFromHost();
        return;
    }
    ++m_playbackConnections;
    if (!session.isEmpty())
        m_playbackAddresses.append(socket->localAddress().toString());
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: video/mp2t\r\nConnection: close\r\n\r\n");
    Stream st;
    st.socket = socket;
    st.session = session;
    st.startAtMs = m_clock.elapsed() + m_faults.startDelayMs;
    if (m_faults.closePlaybacks != 0) {
        st.closeAfter = m_faults.closeAfterBytes;
        if (m_faults.closePlaybacks > 0)
            --m_faults.closePlaybacks;
    }
    m_streams.append(st);
    if (!m_tick.isActive()) {
        m_lastTickMs = m_clock.elapsed();
        m_tick.start();
    }
}

void FakeEngine::stopSession(const QString &id)
{
    auto it = m_sessions.find(id);
    if (it == m_sessions.end() || it->stopped)
        return;
    it->stopped = true;
    ++m_sessionsStopped;
    for (Stream &s : m_streams) {
        if (s.session == id && s.socket)
            s.socket->disconnectFromHost();
    }
    Q_EMIT sessionStopped(id);
}

void FakeEngine::onTick()
{
    const qint64 now = m_clock.elapsed();
    const double elapsed = double(qMin<qint64>(now - m_lastTickMs, 200)); // no bursts after a pause
    m_lastTickMs = now;
    const double bytesPerMs = m_bitrateKbps * 1000.0 / 8.0 / 1000.0;
    for (int i = 0; i < m_streams.size();) {
        Stream &s = m_streams[i];
        if (!s.socket || s.socket->state() != QAbstractSocket::ConnectedState) {
            m_streams.removeAt(i);
            continue;
        }
        ++i;
        if (now < s.startAtMs)
            continue;
        if (s.stallUntilMs >= 0) {
            if (now < s.stallUntilMs)
                continue;
            s.stallUntilMs = -1;
        }
        s.budget = qMin(s.budget + elapsed * bytesPerMs, bytesPerMs * 1000);
        if (s.socket->bytesToWrite() > kMaxSocketBacklog)
            continue;
        qint64 n = qint64(s.budget);
        if (s.closeAfter >= 0)
            n = qMin(n, s.closeAfter - s.sent);
        if (!s.stalled && m_faults.stallAfterBytes >= 0 && s.sent < m_faults.stallAfterBytes)
            n = qMin(n, m_faults.stallAfterBytes - s.sent);
        qint64 written = 0;
        while (written < n) {
            const qint64 piece = qMin(n - written, qint64(m_ts.size()) - s.position);
            s.socket->write(m_ts.constData() + s.position, piece);
            s.position = (s.position + piece) % m_ts.size();
            written += piece;
        }
        s.budget -= double(written);
        s.sent += written;
        m_bytesServed += written;
        if (!s.session.isEmpty()) {
            auto it = m_sessions.find(s.session);
            if (it != m_sessions.end())
                it->bytesSent += written;
        }
        if (s.closeAfter >= 0 && s.sent >= s.closeAfter) {
            s.socket->disconnectFromHost();
            continue;
        }
        if (!s.stalled && m_faults.stallAfterBytes >= 0 && s.sent >= m_faults.stallAfterBytes) {
            s.stalled = true;
            s.stallUntilMs = now + m_faults.stallMs;
            s.budget = 0;
        }
    }
    if (m_streams.isEmpty())
        m_tick.stop();
}
