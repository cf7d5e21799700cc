#include "sourcesroutes.h"

#include "catalog/guidestore.h"
#include "catalog/sourcemanager.h"
#include "catalog/sourcestore.h"
#include "http/api/apiinput.h"
#include "http/httpfront.h"
#include "http/httputil.h"
#include "storage/database.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QUrl>

namespace {
using M = HttpFront::Method;
using Access = HttpFront::Access;
using Status = Http::Status;
using namespace Api;
} // namespace

namespace {

std::optional<QString> checkLocation(const QJsonObject &o)
{
    if (!o.contains(QLatin1String("location")))
        return std::nullopt;
    const QString text = o.value(QLatin1String("location")).toString().trimmed();
    const QUrl url(text, QUrl::StrictMode);
    if ((url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
        && url.isValid() && !url.host().isEmpty())
        return std::nullopt;
    if (url.isLocalFile() || QDir::isAbsolutePath(text))
        return std::nullopt;
    return QStringLiteral("location: expected an http(s) URL or an absolute file path");
}

std::optional<QString> checkInterval(const QJsonObject &o)
{
    const QJsonValue v = o.value(QLatin1String("refresh_interval_s"));
    if (v.isDouble() && v.toInteger() > 0 && v.toInteger() < 60)
        return QStringLiteral("refresh_interval_s: 0 (only on demand) or at least 60");
    return std::nullopt;
}

const QList<Field> kSourceFields {
        {"name", Type::String, false, 1, 200},
        {"location", Type::String, false, 1, 4000},
        {"enabled", Type::Bool},
        {"refresh_interval_s", Type::Int, false, 0, 366LL * 86400},
};

} // namespace

SourcesRoutes::SourcesRoutes(HttpFront *http, Database *db, SourceManager *sources)
    : QObject(http), m_db(db), m_sources(sources)
{
    // The guides' own channel list: what a channel's epg_id can be set to by hand.
    http->route(M::Get | M::Head, QStringLiteral("/api/epg-channels"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto query
                            = Query::check(req, r,
                                           {QStringLiteral("search"), QStringLiteral("limit"),
                                            QStringLiteral("offset")});
                    qint64 limit = 500;
                    qint64 offset = 0;
                    QString search;
                    if (!query || !query->integer(r, QStringLiteral("limit"), 1, 100000, &limit)
                        || !query->integer(r, QStringLiteral("offset"), 0,
                                           std::numeric_limits<int>::max(), &offset)
                        || !query->search(r, QStringLiteral("search"), &search))
                        return;
                    qint64 total = 0;
                    QString error;
                    const auto items = GuideStore::channels(m_db->connection(), search.trimmed(),
                                                            limit, offset, &total, &error);
                    if (!items)
                        return dbError(r, error);
                    Http::sendJson(r, QJsonObject {{QStringLiteral("items"), *items},
                                                   {QStringLiteral("total"), total}});
                });

    for (const SourceManager::Kind kind :
         {SourceManager::Kind::Channels, SourceManager::Kind::Guide}) {
        const QString base = kind == SourceManager::Kind::Channels
                                     ? QStringLiteral("/api/sources")
                                     : QStringLiteral("/api/epg-sources");
        const char *what = kind == SourceManager::Kind::Channels ? "channel source" : "EPG source";

        // The stored source with its live progress.
        auto sourceJson = [this, kind](qint64 id) -> std::optional<QJsonObject> {
            auto source = SourceStore::byId(m_db->connection(), kind, id);
            if (source)
                source->insert(QStringLiteral("progress"), m_sources->progress(kind, int(id)));
            return source;
        };

        http->route(M::Get | M::Head, base, Access::Admin,
                    [this, kind](const HttpRequest &req, QHttpServerResponder &r) {
                        if (badRequest(r, checkQueryNames(req.query(), {})))
                            return;
                        QString error;
                        const auto sources = SourceStore::list(m_db->connection(), kind, &error);
                        if (!sources)
                            return dbError(r, error);
                        QJsonArray items;
                        for (QJsonObject source : *sources) {
                            const int id = source.value(QLatin1String("id")).toInt();
                            source.insert(QStringLiteral("progress"),
                                          m_sources->progress(kind, id));
                            items.append(source);
                        }
                        Http::sendJson(r, QJsonObject {{QStringLiteral("items"), items}});
                    });

        http->route(
                M::Post, base, Access::Admin,
                [this, kind, what, sourceJson](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto body = jsonBody(req, r);
                    if (!body
                        || badRequest(r, checkObject(*body, kSourceFields,
                                                     {QStringLiteral("name"),
                                                      QStringLiteral("location")}))
                        || badRequest(r, checkLocation(*body))
                        || badRequest(r, checkInterval(*body)))
                        return;
                    const StoreResult created = SourceStore::create(
                            m_db->connection(), kind, *body, QDateTime::currentSecsSinceEpoch());
                    if (storeFailed(r, created, what, 0))
                        return;
                    const int id = int(created.id);
                    qCInfo(lcCatalog).noquote()
                            << "Added" << SourceManager::kindName(kind) << "source" << id
                            << body->value(QLatin1String("name")).toString();
                    if (body->value(QLatin1String("enabled")).toBool(true))
                        m_sources->refresh(kind, id);
                    Http::sendJson(r, *sourceJson(id), Status::Created);
                });

        http->route(M::Get | M::Head, base + QStringLiteral("/{id}"), Access::Admin,
                    [what, sourceJson](const HttpRequest &req, QHttpServerResponder &r) {
                        if (const auto id = pathId(req, r, what))
                            sendFound(r, sourceJson(*id), what, *id);
                    });

        http->route(M::Get | M::Head, base + QStringLiteral("/{id}/status"), Access::Admin,
                    [what, sourceJson](const HttpRequest &req, QHttpServerResponder &r) {
                        const auto id = pathId(req, r, what);
                        if (!id)
                            return;
                        const auto s = sourceJson(*id);
                        if (!s)
                            return notFound(r, what, *id);
                        QJsonObject status = s->value(QLatin1String("status")).toObject();
                        status.insert(QStringLiteral("progress"),
                                      s->value(QLatin1String("progress")));
                        Http::sendJson(r, status);
                    });

        http->route(
                M::Patch | M::Put, base + QStringLiteral("/{id}"), Access::Admin,
                [this, kind, what, sourceJson](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto edit = editRequest(req, r, what, kSourceFields);
                    if (!edit || badRequest(r, checkLocation(edit->body))
                        || badRequest(r, checkInterval(edit->body)))
                        return;
                    const QSqlDatabase db = m_db->connection();
                    const auto before = SourceStore::byId(db, kind, edit->id);
                    if (storeFailed(r, SourceStore::update(db, kind, edit->id, edit->body), what,
                                    edit->id))
                        return;
                    const auto after = sourceJson(edit->id);
                    if (!before || !after)
                        return notFound(r, what, edit->id);
                    if (after->value(QLatin1String("enabled")).toBool()
                        && (after->value(QLatin1String("location"))
                                    != before->value(QLatin1String("location"))
                            || !before->value(QLatin1String("enabled")).toBool()))
                        m_sources->refresh(kind, edit->id);
                    Http::sendJson(r, *sourceJson(edit->id));
                });

        http->route(M::Delete, base + QStringLiteral("/{id}"), Access::Admin,
                    [this, kind, what](const HttpRequest &req, QHttpServerResponder &r) {
                        const auto id = pathId(req, r, what);
                        if (!id)
                            return;
                        const QSqlDatabase db = m_db->connection();
                        if (!SourceStore::exists(db, kind, *id))
                            return notFound(r, what, *id);
                        m_sources->forget(kind, *id);
                        if (storeFailed(r,
                                        SourceStore::remove(db, kind, *id,
                                                            QDateTime::currentSecsSinceEpoch()),
                                        what, *id))
                            return;
                        qCInfo(lcCatalog).noquote()
                                << "Deleted" << SourceManager::kindName(kind) << "source" << *id;
                        Http::sendJson(r, QJsonObject {{QStringLiteral("deleted"), *id}});
                    });

        http->route(M::Post, base + QStringLiteral("/{id}/refresh"), Access::Admin,
                    [this, kind, what](const HttpRequest &req, QHttpServerResponder &r) {
                        const auto id = pathId(req, r, what);
                        if (!id)
                            return;
                        QString error;
                        if (!m_sources->refresh(kind, *id, &error))
                            return notFound(r, what, *id);
                        Http::sendJson(r,
                                       QJsonObject {{QStringLiteral("progress"),
                                                     m_sources->progress(kind, *id)}},
                                       Status::Accepted);
                    });
    }
}
