#include "aceengine.h"

#include "log/logger.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrlQuery>
#include <algorithm>

namespace {
constexpr int kProbeTimeoutMs = 3000;
constexpr int kCallTimeoutMs = 5000;
} // namespace

AceEngine::AceEngine(QObject *parent) : QObject(parent)
{
    m_network.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    connect(&m_probeTimer, &QTimer::timeout, this, &AceEngine::probe);
}

AceEngine::~AceEngine()
{
    m_closing = true; // replies aborted by the managers' destruction are not retried
}

QNetworkAccessManager *AceEngine::sessionNetwork()
{
    return m_sessionNetworks.pick([](QNetworkAccessManager *network) {
        const QList<QNetworkReply *> replies
                = network->findChildren<QNetworkReply *>(Qt::FindDirectChildrenOnly);
        return int(std::count_if(replies.cbegin(), replies.cend(),
                                 [](const QNetworkReply *r) { return r->isRunning(); }));
    });
}

void AceEngine::setBaseUrl(const QUrl &url)
{
    if (m_baseUrl == url)
        return;
    m_baseUrl = url;
    m_probedOnce = false;
    if (m_probeTimer.isActive())
        probe();
}

QUrl AceEngine::endpoint(const QString &path) const
{
    QUrl url = m_baseUrl;
    url.setPath(path);
    return url;
}

void AceEngine::startProbing(int intervalSeconds)
{
    m_probeTimer.start(intervalSeconds * 1000);
    probe();
}

void AceEngine::probe()
{
    if (m_probeReply)
        return; // one probe at a time; a slow engine must not pile them up
    QUrl url = endpoint(QStringLiteral("/webui/api/service"));
    url.setQuery(QUrlQuery {{QStringLiteral("method"), QStringLiteral("get_version")}});
    QNetworkRequest request(url);
    request.setTransferTimeout(kProbeTimeoutMs);
    m_probeReply = m_network.get(request);
    QNetworkReply *reply = m_probeReply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onProbeFinished(reply); });
}

void AceEngine::onProbeFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    m_probeReply = nullptr;
    m_lastCheck = QDateTime::currentDateTimeUtc();
    bool reachable = false;
    QString error;
    if (reply->error() != QNetworkReply::NoError) {
        error = reply->errorString();
    } else {
        const QJsonObject root = QJsonDocument::fromJson(reply->readAll()).object();
        const QJsonObject result = root.value(QLatin1String("result")).toObject();
        if (!result.isEmpty()) {
            reachable = true;
            m_version = result.value(QLatin1String("version")).toString();
        } else {
            error = QStringLiteral("unexpected get_version answer");
        }
    }
    m_lastError = error;
    if (reachable != m_reachable || !m_probedOnce) {
        m_probedOnce = true;
        m_reachable = reachable;
        if (reachable)
            qCInfo(lcEngine).noquote() << "Engine at" << m_baseUrl.toDisplayString()
                                       << "is reachable, version" << m_version;
        else
            qCWarning(lcEngine).noquote()
                    << "Engine at" << m_baseUrl.toDisplayString() << "is not reachable:" << error;
        Q_EMIT reachabilityChanged(reachable);
    }
}

QNetworkReply *AceEngine::requestSession(const QString &idParam, const QString &id,
                                         const QString &pid, int timeoutMs)
{
    QUrl url = endpoint(QStringLiteral("/ace/getstream"));
    QUrlQuery query;
    query.addQueryItem(idParam, id);
    query.addQueryItem(QStringLiteral("format"), QStringLiteral("json"));
    query.addQueryItem(QStringLiteral("pid"), pid);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    return sessionNetwork()->get(request);
}

QUrl AceEngine::reachableUrl(const QUrl &url) const
{
    const auto isLoopback = [](const QString &host) {
        return host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
    };
    if (!url.isValid() || !isLoopback(url.host()) || isLoopback(m_baseUrl.host()))
        return url;
    QUrl out = url;
    out.setHost(m_baseUrl.host());
    if (url.port() == 6878 || url.port() == -1 || url.port() == m_baseUrl.port(6878))
        out.setPort(m_baseUrl.port());
    return out;
}

AceEngine::SessionResult AceEngine::parseSession(QNetworkReply *reply) const
{
    SessionResult result;
    const int httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError && httpStatus == 0) {
        if (reply->error() == QNetworkReply::OperationCanceledError
            || reply->error() == QNetworkReply::TimeoutError) {
            result.status = 504;
            result.error = QStringLiteral("the engine did not answer getstream in time");
        } else {
            result.status = 503;
            result.error
                    = QStringLiteral("the engine is unreachable: %1").arg(reply->errorString());
        }
        return result;
    }
    // Errors come as HTTP 200 with {"response": null, "error": "..."}.
    const QJsonObject root = QJsonDocument::fromJson(reply->readAll()).object();
    const QJsonValue error = root.value(QLatin1String("error"));
    result.status = 502;
    if (!error.isNull() && !error.isUndefined()) {
        const QString message
                = error.isString() ? error.toString()
                                   : error.toObject().value(QLatin1String("message")).toString();
        result.error = QStringLiteral("engine error: %1")
                               .arg(message.isEmpty() ? QStringLiteral("unknown") : message);
        return result;
    }
    if (httpStatus >= 400) {
        result.error = QStringLiteral("the engine answered getstream with HTTP %1").arg(httpStatus);
        return result;
    }
    const QJsonObject response = root.value(QLatin1String("response")).toObject();
    Session session;
    session.playbackUrl = QUrl(response.value(QLatin1String("playback_url")).toString());
    if (!session.playbackUrl.isValid() || session.playbackUrl.host().isEmpty()) {
        result.error = QStringLiteral("the engine answered getstream without a playback_url");
        return result;
    }
    session.playbackUrl = reachableUrl(session.playbackUrl);
    session.statUrl = reachableUrl(QUrl(response.value(QLatin1String("stat_url")).toString()));
    session.commandUrl
            = reachableUrl(QUrl(response.value(QLatin1String("command_url")).toString()));
    session.sessionId = response.value(QLatin1String("playback_session_id")).toString();
    session.infohash = response.value(QLatin1String("infohash")).toString();
    result.status = 200;
    result.session = session;
    return result;
}

QNetworkReply *AceEngine::requestStat(const QUrl &statUrl)
{
    QNetworkRequest request(statUrl);
    request.setTransferTimeout(kCallTimeoutMs);
    return m_network.get(request);
}

QJsonObject AceEngine::parseStat(QNetworkReply *reply)
{
    if (reply->error() != QNetworkReply::NoError)
        return {};
    return QJsonDocument::fromJson(reply->readAll())
            .object()
            .value(QLatin1String("response"))
            .toObject();
}

void AceEngine::stopSession(const QUrl &commandUrl, const QString &label)
{
    QUrl url = commandUrl;
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("method"), QStringLiteral("stop"));
    url.setQuery(query);
    ++m_pendingStops;
    sendStop(url, label, 1);
}

void AceEngine::stopWhenAnswered(QNetworkReply *getstream, const QString &label)
{
    const auto onAnswer = [this, getstream, label] {
        getstream->deleteLater();
        const SessionResult result = parseSession(getstream);
        if (result.session && result.session->commandUrl.isValid()) {
            qCInfo(lcEngine).noquote() << "The engine answered getstream for" << label
                                       << "after nobody waited for it: stopping its session";
            stopSession(result.session->commandUrl, label);
        }
    };
    if (getstream->isFinished())
        onAnswer();
    else
        connect(getstream, &QNetworkReply::finished, this, onAnswer);
}

void AceEngine::sendStop(const QUrl &url, const QString &label, int attempt)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(kCallTimeoutMs);
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, url, label, attempt] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool failed = reply->error() != QNetworkReply::NoError || status >= 400;
        if (failed && attempt < kStopAttempts && !m_closing) {
            // The engine may be restarting or briefly refusing: a session left running would
            // download (and upload) a channel nobody watches until the engine's own timeout.
            const int delayMs = 500 << (attempt - 1);
            qCInfo(lcEngine).noquote() << "Stopping the engine session of" << label << "failed ("
                                       << (status >= 400 ? QStringLiteral("HTTP %1").arg(status)
                                                         : reply->errorString())
                                       << "); trying again in" << delayMs << "ms";
            QTimer::singleShot(delayMs, this,
                               [this, url, label, attempt] { sendStop(url, label, attempt + 1); });
            return;
        }
        if (failed)
            qCWarning(lcEngine).noquote() << "Stopping the engine session of" << label
                                          << "failed:" << reply->errorString();
        if (--m_pendingStops == 0 && !m_closing)
            Q_EMIT stopsFinished();
    });
}
