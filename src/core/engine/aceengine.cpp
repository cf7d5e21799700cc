#include "aceengine.h"

#include "log/logger.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrlQuery>

namespace {
constexpr int kProbeTimeoutMs = 3000;
}

AceEngine::AceEngine(QObject *parent) : QObject(parent)
{
    m_network.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    connect(&m_probeTimer, &QTimer::timeout, this, &AceEngine::probe);
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
            qCWarning(lcEngine).noquote() << "Engine at" << m_baseUrl.toDisplayString()
                                          << "is not reachable:" << error;
        Q_EMIT reachabilityChanged(reachable);
    }
}
