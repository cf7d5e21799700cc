#include "sourcesroutes.h"

#include "catalog/catalogimport.h"
#include "catalog/gzipdevice.h"
#include "catalog/sourcemanager.h"
#include "http/api/apiinput.h"
#include "http/deferredreply.h"
#include "http/httpfront.h"
#include "http/httputil.h"
#include "storage/database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
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

// Writes an uploaded file into dir under a name of its own; the path, or empty with *error.
QString saveUpload(const QString &dir, SourceManager::Kind kind, const QByteArray &body,
                   QString *error)
{
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("cannot create %1").arg(dir);
        return {};
    }
    const QString stem
            = QStringLiteral("%1-%2-%3")
                      .arg(kind == SourceManager::Kind::Channels ? QStringLiteral("playlist")
                                                                 : QStringLiteral("guide"),
                           QDateTime::currentDateTimeUtc().toString(
                                   QStringLiteral("yyyyMMdd-HHmmss")))
                      .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    const QString extension = kind == SourceManager::Kind::Channels ? QStringLiteral(".m3u")
                                                                    : QStringLiteral(".xml");
    const QString path = QDir(dir).filePath(
            stem + extension
            + (GzipDevice::isGzip(body.left(2)) ? QStringLiteral(".gz") : QString()));
    // Written whole under a temporary name, then renamed: an import never reads half a file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return {};
    }
    return path;
}

bool nameTaken(const QSqlDatabase &db, const QString &table, const QString &name)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE name = ?").arg(table));
    q.addBindValue(name);
    return q.exec() && q.next();
}

} // namespace

SourcesRoutes::SourcesRoutes(HttpFront *http, Database *db, SourceManager *sources,
                             QString uploadDir)
    : QObject(http), m_db(db), m_sources(sources), m_uploadDir(std::move(uploadDir))
{
    // The guides' own channel list: what a channel's epg_id can be set to by hand.
    http->route(M::Get | M::Head, QStringLiteral("/api/epg-channels"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    const QUrlQuery query = req.query();
                    if (badRequest(r, checkQueryNames(query, {QStringLiteral("search"),
                                                              QStringLiteral("limit")})))
                        return;
                    qint64 limit = 500;
                    if (query.hasQueryItem(QStringLiteral("limit"))
                        && !Http::parseInt(query.queryItemValue(QStringLiteral("limit")), 1, 100000,
                                           &limit)) {
                        Http::sendError(
                                r, Status::BadRequest,
                                QStringLiteral("limit: expected a number from 1 to 100000"));
                        return;
                    }
                    const QString search
                            = query.queryItemValue(QStringLiteral("search"), QUrl::FullyDecoded);
                    // A search over every guide's channels: on a worker.
                    answerOnWorker(
                            req, &m_workers, m_db, this, [search, limit](const QSqlDatabase &db) {
                                QSqlQuery q(db);
                                q.prepare(QStringLiteral(
                                        "SELECT source_id, epg_id, display_name, icon, "
                                        "other_names FROM epg_channels"
                                        " WHERE ? = '' OR instr(lower(epg_id), lower(?)) > 0"
                                        " OR instr(lower(COALESCE(display_name, '') || '\t' || "
                                        "COALESCE(other_names, '')),"
                                        " lower(?)) > 0"
                                        " ORDER BY display_name COLLATE NOCASE, epg_id LIMIT ?"));
                                q.addBindValue(search);
                                q.addBindValue(search);
                                q.addBindValue(search);
                                q.addBindValue(limit);
                                if (!q.exec())
                                    return Answer::databaseError(q.lastError().text());
                                QJsonArray items;
                                while (q.next()) {
                                    items.append(QJsonObject {
                                            {QStringLiteral("source_id"), q.value(0).toInt()},
                                            {QStringLiteral("epg_id"), q.value(1).toString()},
                                            {QStringLiteral("display_name"), nullable(q.value(2))},
                                            {QStringLiteral("icon"), nullable(q.value(3))},
                                            {QStringLiteral("other_names"),
                                             QJsonArray::fromStringList(q.value(4).toString().split(
                                                     QLatin1Char('\t'), Qt::SkipEmptyParts))}});
                                }
                                return Answer::json(QJsonObject {{QStringLiteral("items"), items}});
                            });
                });

    for (const SourceManager::Kind kind :
         {SourceManager::Kind::Channels, SourceManager::Kind::Guide}) {
        const QString base = kind == SourceManager::Kind::Channels
                                     ? QStringLiteral("/api/sources")
                                     : QStringLiteral("/api/epg-sources");
        const QString table = SourceManager::table(kind);
        const char *what = kind == SourceManager::Kind::Channels ? "channel source" : "EPG source";
        const QString area = kind == SourceManager::Kind::Channels ? QStringLiteral("sources")
                                                                   : QStringLiteral("epg-sources");

        // A source's row and what it holds (a count that grows with the catalog: a worker
        // calls this for the list); sourceJson adds the progress the server thread keeps.
        auto sourceRow
                = [kind, table](const QSqlDatabase &db, int id) -> std::optional<QJsonObject> {
            QSqlQuery q(db);
            const QString count = kind == SourceManager::Kind::Channels
                                          ? QStringLiteral("(SELECT COUNT(*) FROM channels c WHERE "
                                                           "c.source_id = s.id AND c.active = 1)")
                                          : QStringLiteral("(SELECT COUNT(*) FROM epg_programmes p "
                                                           "WHERE p.source_id = s.id)");
            q.prepare(QStringLiteral("SELECT s.id, s.name, s.location, s.enabled, "
                                     "s.refresh_interval_s, s.last_refresh_at,"
                                     " s.last_status, s.last_error, s.last_imported, "
                                     "s.last_skipped, s.created_at, %1"
                                     " FROM %2 s WHERE s.id = ?")
                              .arg(count, table));
            q.addBindValue(id);
            if (!q.exec() || !q.next())
                return std::nullopt;
            return QJsonObject {
                    {QStringLiteral("id"), q.value(0).toInt()},
                    {QStringLiteral("name"), q.value(1).toString()},
                    {QStringLiteral("location"), q.value(2).toString()},
                    {QStringLiteral("enabled"), q.value(3).toInt() != 0},
                    {QStringLiteral("refresh_interval_s"), q.value(4).toInt()},
                    {QStringLiteral("created_at"), isoTime(q.value(10))},
                    {QStringLiteral("status"),
                     QJsonObject {{QStringLiteral("last_refresh_at"), isoTime(q.value(5))},
                                  {QStringLiteral("last_status"), q.value(6).toString()},
                                  {QStringLiteral("last_error"), nullable(q.value(7))},
                                  {QStringLiteral("last_imported"), q.value(8).toInt()},
                                  {QStringLiteral("last_skipped"), q.value(9).toInt()}}},
                    {kind == SourceManager::Kind::Channels ? QStringLiteral("channels")
                                                           : QStringLiteral("programmes"),
                     q.value(11).toInt()},
            };
        };
        auto sourceJson = [this, kind, sourceRow](int id) {
            auto source = sourceRow(m_db->connection(), id);
            if (source)
                source->insert(QStringLiteral("progress"), m_sources->progress(kind, id));
            return source;
        };

        http->route(
                M::Get | M::Head, base, Access::Admin,
                [this, kind, table, sourceRow](const HttpRequest &req, QHttpServerResponder &r) {
                    if (badRequest(r, checkQueryNames(req.query(), {})))
                        return;
                    // The counts grow with the catalog (a guide's programmes): on a worker.
                    DeferredReply reply(req);
                    struct Rows
                    {
                        QList<QJsonObject> items;
                        QString error;
                    };
                    onWorker(
                            &m_workers, m_db, this,
                            [table, sourceRow](const QSqlDatabase &db) {
                                Rows rows;
                                QSqlQuery q(db);
                                if (!q.exec(QStringLiteral("SELECT id FROM %1 ORDER BY id")
                                                    .arg(table))) {
                                    rows.error = q.lastError().text();
                                    return rows;
                                }
                                while (q.next()) {
                                    if (const auto s = sourceRow(db, q.value(0).toInt()))
                                        rows.items.append(*s);
                                }
                                return rows;
                            },
                            [this, kind, reply](Rows rows) mutable {
                                if (!rows.error.isEmpty())
                                    return send(reply, Answer::databaseError(rows.error));
                                QJsonArray items;
                                for (QJsonObject &s : rows.items) {
                                    s.insert(QStringLiteral("progress"),
                                             m_sources->progress(
                                                     kind, s.value(QLatin1String("id")).toInt()));
                                    items.append(s);
                                }
                                reply.sendJson(QJsonObject {{QStringLiteral("items"), items}});
                            });
                });

        http->route(
                M::Post, base, Access::Admin,
                [this, kind, table, area, sourceJson](const HttpRequest &req,
                                                      QHttpServerResponder &r) {
                    const auto body = jsonBody(req, r);
                    if (!body
                        || badRequest(r, checkObject(*body, kSourceFields,
                                                     {QStringLiteral("name"),
                                                      QStringLiteral("location")}))
                        || badRequest(r, checkLocation(*body))
                        || badRequest(r, checkInterval(*body)))
                        return;
                    QSqlQuery q(m_db->connection());
                    q.prepare(QStringLiteral("INSERT INTO %1(name, location, enabled, "
                                             "refresh_interval_s, created_at)"
                                             " VALUES (?, ?, ?, ?, ?)")
                                      .arg(table));
                    q.addBindValue(body->value(QLatin1String("name")).toString().trimmed());
                    q.addBindValue(body->value(QLatin1String("location")).toString().trimmed());
                    q.addBindValue(body->value(QLatin1String("enabled")).toBool(true) ? 1 : 0);
                    q.addBindValue(
                            body->contains(QLatin1String("refresh_interval_s"))
                                    ? body->value(QLatin1String("refresh_interval_s")).toInteger()
                                    : (kind == SourceManager::Kind::Channels ? 86400 : 43200));
                    q.addBindValue(QDateTime::currentSecsSinceEpoch());
                    if (!q.exec())
                        return dbError(r, q.lastError().text());
                    const int id = q.lastInsertId().toInt();
                    qCInfo(lcCatalog).noquote()
                            << "Added" << SourceManager::kindName(kind) << "source" << id
                            << body->value(QLatin1String("name")).toString();
                    if (body->value(QLatin1String("enabled")).toBool(true))
                        m_sources->refresh(kind, id);
                    Http::sendJson(r, *sourceJson(id), Status::Created);
                    Q_EMIT changed(area, QStringLiteral("created"), {id});
                });

        http->route(
                M::Get | M::Head, base + QStringLiteral("/{id}"), Access::Admin,
                [what, sourceJson](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto id = pathId(req, r, what);
                    if (!id)
                        return;
                    if (const auto s = sourceJson(*id))
                        Http::sendJson(r, *s);
                    else
                        Http::sendError(
                                r, Status::NotFound,
                                QStringLiteral("no such %1: %2").arg(QLatin1String(what)).arg(*id));
                });

        http->route(
                M::Get | M::Head, base + QStringLiteral("/{id}/status"), Access::Admin,
                [what, sourceJson](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto id = pathId(req, r, what);
                    if (!id)
                        return;
                    const auto s = sourceJson(*id);
                    if (!s) {
                        Http::sendError(
                                r, Status::NotFound,
                                QStringLiteral("no such %1: %2").arg(QLatin1String(what)).arg(*id));
                        return;
                    }
                    QJsonObject status = s->value(QLatin1String("status")).toObject();
                    status.insert(QStringLiteral("progress"), s->value(QLatin1String("progress")));
                    Http::sendJson(r, status);
                });

        http->route(
                M::Patch | M::Put, base + QStringLiteral("/{id}"), Access::Admin,
                [this, kind, table, what, area, sourceJson](const HttpRequest &req,
                                                            QHttpServerResponder &r) {
                    const auto id = pathId(req, r, what);
                    if (!id)
                        return;
                    const auto body = jsonBody(req, r);
                    if (!body || badRequest(r, checkObject(*body, kSourceFields))
                        || badRequest(r, checkLocation(*body))
                        || badRequest(r, checkInterval(*body)))
                        return;
                    const auto before = sourceJson(*id);
                    if (!before) {
                        Http::sendError(
                                r, Status::NotFound,
                                QStringLiteral("no such %1: %2").arg(QLatin1String(what)).arg(*id));
                        return;
                    }
                    QStringList sets;
                    QVariantList binds;
                    for (auto it = body->begin(); it != body->end(); ++it) {
                        sets << QStringLiteral("%1 = ?").arg(it.key());
                        binds << nullOr(it.value());
                    }
                    if (!sets.isEmpty()) {
                        QSqlQuery q(m_db->connection());
                        q.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                                          .arg(table, sets.join(QStringLiteral(", "))));
                        for (const QVariant &b : binds)
                            q.addBindValue(b);
                        q.addBindValue(*id);
                        if (!q.exec())
                            return dbError(r, q.lastError().text());
                    }
                    const auto after = sourceJson(*id);
                    if (after->value(QLatin1String("enabled")).toBool()
                        && (after->value(QLatin1String("location"))
                                    != before->value(QLatin1String("location"))
                            || !before->value(QLatin1String("enabled")).toBool()))
                        m_sources->refresh(kind, *id);
                    Http::sendJson(r, *sourceJson(*id));
                    Q_EMIT changed(area, QStringLiteral("updated"), {*id});
                });

        http->route(
                M::Delete, base + QStringLiteral("/{id}"), Access::Admin,
                [this, kind, table, what, area](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto id = pathId(req, r, what);
                    if (!id)
                        return;
                    QSqlDatabase db = m_db->connection();
                    if (!exists(db, table, *id)) {
                        Http::sendError(
                                r, Status::NotFound,
                                QStringLiteral("no such %1: %2").arg(QLatin1String(what)).arg(*id));
                        return;
                    }
                    m_sources->forget(kind, *id);
                    if (!db.transaction())
                        return dbError(r, db.lastError().text());
                    QSqlQuery q(db);
                    bool ok = true;
                    if (kind == SourceManager::Kind::Channels) {
                        // Its channels stay (with the user's edits) but are no longer offered.
                        q.prepare(QStringLiteral("UPDATE channels SET active = 0, updated_at = ? "
                                                 "WHERE source_id = ?"));
                        q.addBindValue(QDateTime::currentSecsSinceEpoch());
                        q.addBindValue(*id);
                        ok = q.exec();
                    }
                    if (ok) {
                        q.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table));
                        q.addBindValue(*id);
                        ok = q.exec();
                    }
                    QString error = ok ? QString() : q.lastError().text();
                    if (ok && kind == SourceManager::Kind::Guide)
                        ok = CatalogImport::matchGuideIds(db, &error);
                    if (!ok || !db.commit()) {
                        if (error.isEmpty())
                            error = db.lastError().text();
                        db.rollback();
                        return dbError(r, error);
                    }
                    qCInfo(lcCatalog).noquote()
                            << "Deleted" << SourceManager::kindName(kind) << "source" << *id;
                    Http::sendJson(r, QJsonObject {{QStringLiteral("deleted"), *id}});
                    Q_EMIT changed(area, QStringLiteral("deleted"), {*id});
                });

        // The file itself as the body (any content type, at most http_max_request_mib: the
        // listener refuses more with 413): kept in uploadDir and imported as a source of its
        // own, on demand only. The file is written on a worker; the import runs as for a URL.
        http->route(
                M::Post, base + QStringLiteral("/upload"), Access::Admin,
                [this, kind, table, what, area, sourceJson](const HttpRequest &req,
                                                            QHttpServerResponder &r) {
                    const auto query = Query::check(req, r, {QStringLiteral("name")});
                    if (!query)
                        return;
                    const QString name = query->text(QStringLiteral("name")).trimmed();
                    if (name.isEmpty() || name.size() > 200) {
                        Http::sendError(r, Status::BadRequest,
                                        name.isEmpty()
                                                ? QStringLiteral("name: required (?name=…)")
                                                : QStringLiteral("name: at most 200 characters"));
                        return;
                    }
                    const QByteArray body = req.http.body();
                    if (body.isEmpty()) {
                        Http::sendError(r, Status::BadRequest,
                                        QStringLiteral("body: empty; send the file itself"));
                        return;
                    }
                    const QString taken = QStringLiteral("name: there is already a %1 named %2")
                                                  .arg(QLatin1String(what), name);
                    if (nameTaken(m_db->connection(), table, name)) {
                        Http::sendError(r, Status::Conflict, taken);
                        return;
                    }
                    DeferredReply reply(req);
                    struct Saved
                    {
                        QString path;
                        QString error;
                    };
                    offThread(
                            &m_workers, this,
                            [dir = m_uploadDir, kind, body] {
                                Saved saved;
                                saved.path = saveUpload(dir, kind, body, &saved.error);
                                return saved;
                            },
                            [this, reply, kind, table, name, taken, area,
                             sourceJson](Saved saved) mutable {
                                if (saved.path.isEmpty()) {
                                    qCWarning(lcCatalog).noquote()
                                            << "Upload not kept:" << saved.error;
                                    return reply.sendError(500, saved.error);
                                }
                                QSqlDatabase db = m_db->connection();
                                // Checked again: another upload may have taken it meanwhile.
                                if (nameTaken(db, table, name)) {
                                    QFile::remove(saved.path);
                                    return reply.sendError(409, taken);
                                }
                                QSqlQuery q(db);
                                q.prepare(QStringLiteral("INSERT INTO %1(name, location, enabled, "
                                                         "refresh_interval_s, created_at)"
                                                         " VALUES (?, ?, 1, 0, ?)")
                                                  .arg(table));
                                q.addBindValue(name);
                                q.addBindValue(saved.path);
                                q.addBindValue(QDateTime::currentSecsSinceEpoch());
                                if (!q.exec()) {
                                    QFile::remove(saved.path);
                                    return reply.sendDatabaseError(q.lastError().text());
                                }
                                const int id = q.lastInsertId().toInt();
                                qCInfo(lcCatalog).noquote()
                                        << "Added" << SourceManager::kindName(kind) << "source"
                                        << id << name << "from an uploaded file" << saved.path;
                                m_sources->refresh(kind, id);
                                reply.sendJson(*sourceJson(id), 201);
                                Q_EMIT changed(area, QStringLiteral("created"), {id});
                            });
                });

        http->route(
                M::Post, base + QStringLiteral("/{id}/refresh"), Access::Admin,
                [this, kind, what](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto id = pathId(req, r, what);
                    if (!id)
                        return;
                    QString error;
                    if (!m_sources->refresh(kind, *id, &error)) {
                        Http::sendError(
                                r, Status::NotFound,
                                QStringLiteral("no such %1: %2").arg(QLatin1String(what)).arg(*id));
                        return;
                    }
                    Http::sendJson(r,
                                   QJsonObject {{QStringLiteral("progress"),
                                                 m_sources->progress(kind, *id)}},
                                   Status::Accepted);
                });
    }
}

SourcesRoutes::~SourcesRoutes()
{
    // Tasks post to this object and read the database: they finish first.
    m_workers.clear();
    m_workers.waitForDone();
}
