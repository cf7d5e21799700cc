#include "webroutes.h"

#include "http/httpfront.h"
#include "http/httputil.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>

namespace {

// A file or folder name of the dashboard: no "..", no hidden files, nothing encoded.
bool plainName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9_.-]*$"));
    return re.match(name).hasMatch() && !name.contains(QLatin1String(".."));
}

} // namespace

WebRoutes::WebRoutes(HttpFront *http) : QObject(http)
{
    using Access = HttpFront::Access;
    using M = HttpFront::Method;
    const auto methods = M::Get | M::Head;

    http->route(methods, QStringLiteral("/"), Access::Public,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    serve(QStringLiteral(":/web/index.html"), req, r);
                });
    http->route(methods, QStringLiteral("/web/{file}"), Access::Public,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    const QString file = req.arg(QStringLiteral("file"));
                    serve(plainName(file) ? QStringLiteral(":/web/") + file : QString(), req, r);
                });
    http->route(methods, QStringLiteral("/web/{dir}/{file}"), Access::Public,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    const QString dir = req.arg(QStringLiteral("dir"));
                    const QString file = req.arg(QStringLiteral("file"));
                    serve(plainName(dir) && plainName(file)
                                  ? QStringLiteral(":/web/%1/%2").arg(dir, file)
                                  : QString(),
                          req, r);
                });
    http->route(methods, QStringLiteral("/icons/{file}"), Access::Public,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    const QString file = req.arg(QStringLiteral("file"));
                    serve(plainName(file) ? QStringLiteral(":/icons/") + file : QString(), req, r);
                });
}

QByteArray WebRoutes::contentType(const QString &fileName)
{
    static const QHash<QString, QByteArray> types {
            {QStringLiteral("html"), "text/html; charset=utf-8"},
            {QStringLiteral("js"), "text/javascript; charset=utf-8"},
            {QStringLiteral("css"), "text/css; charset=utf-8"},
            {QStringLiteral("json"), "application/json"},
            {QStringLiteral("svg"), "image/svg+xml"},
            {QStringLiteral("png"), "image/png"},
            {QStringLiteral("txt"), "text/plain; charset=utf-8"},
    };
    return types.value(fileName.section(QLatin1Char('.'), -1).toLower());
}

void WebRoutes::serve(const QString &resource, const HttpRequest &req, QHttpServerResponder &r)
{
    const QByteArray type = contentType(resource);
    auto it = m_files.constFind(resource);
    if (it == m_files.cend() && !resource.isEmpty() && !type.isEmpty()) {
        QFile file(resource);
        if (file.open(QIODevice::ReadOnly)) {
            File f;
            f.body = file.readAll();
            f.etag = '"'
                     + QCryptographicHash::hash(f.body, QCryptographicHash::Sha1).toHex().left(20)
                     + '"';
            it = m_files.insert(resource, f);
        }
    }
    if (it == m_files.cend()) {
        Http::sendError(r, Http::Status::NotFound, QStringLiteral("not found"));
        return;
    }
    QList<QPair<QByteArray, QByteArray>> headers {
            {"ETag", it->etag},
            {"Cache-Control", "no-cache"}, // revalidate with the ETag: a new AceHub, new files
            {"X-Content-Type-Options", "nosniff"},
    };
    if (type.startsWith("text/html")) {
        // Only AceHub's own scripts and styles; logos of channels may come from anywhere.
        headers.append(
                qMakePair(QByteArray("Content-Security-Policy"),
                          QByteArray("default-src 'self'; img-src 'self' data: http: https:; "
                                     "object-src 'none'; base-uri 'none'; "
                                     "frame-ancestors 'none'")));
        headers.append(qMakePair(QByteArray("Referrer-Policy"), QByteArray("no-referrer")));
    }
    bool notModified = false;
    const QList<QByteArray> tags = req.http.value("If-None-Match").split(',');
    for (const QByteArray &tag : tags)
        notModified = notModified || tag.trimmed() == it->etag || tag.trimmed() == "*";
    if (notModified) {
        Http::sendHead(r, Http::Status::NotModified, headers);
        return;
    }
    Http::send(r, Http::Status::Ok, type, it->body, headers);
}
