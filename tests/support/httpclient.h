#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QUrl>

// A blocking HTTP call for tests (a local event loop over QNetworkAccessManager).
struct HttpResult
{
    int status = 0; // 0: no HTTP answer (connection refused, timeout)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString error;
    qint64 elapsedMs = 0;

    QByteArray header(const QByteArray &name) const;
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

HttpResult httpRequest(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                       const QList<QPair<QByteArray, QByteArray>> &headers = {},
                       int timeoutMs = 10000);
// An "Authorization: Basic" header for the admin API (user "admin").
QPair<QByteArray, QByteArray> basicAuth(const QString &password);

inline HttpResult httpGet(const QUrl &url, int timeoutMs = 10000)
{
    return httpRequest("GET", url, {}, {}, timeoutMs);
}
