#include "sourcesroutes.h"

#include "catalog/guidestore.h"
#include "catalog/gzipdevice.h"
#include "catalog/sourcemanager.h"
#include "catalog/sourcestore.h"
#include "http/api/apiinput.h"
#include "http/deferredreply.h"
#include "http/httpfront.h"
#include "http/httputil.h"
#include "storage/database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSaveFile>
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

} // namespace

void SourcesRoutes::answerSource(
        const HttpRequest &req, SourceManager::Kind kind, qint64 id, const char *what,
        const std::function<void(DeferredReply &, const QJsonObject &)> &answer)
{
    DeferredReply reply(req);
    Api::onWorker(
            &m_workers, m_db, this,
            [kind, id](const QSqlDatabase &db) { return SourceStore::byId(db, kind, id); },
            [this, reply, kind, id, what, answer](std::optional<QJsonObject> source) mutable {
                if (!source)
                    return reply.sendError(
                            404, QStringLiteral("no such %1: %2").arg(QLatin1String(what)).arg(id));
                source->insert(QStringLiteral("progress"), m_sources->progress(kind, int(id)));
                answer(reply, *source);
            });
}

bool SourcesRoutes::isUpload(const QString &location) const
{
    const QString dir = QDir(m_uploadDir).absolutePath() + QLatin1Char('/');
    return !location.isEmpty() && QFileInfo(location).absoluteFilePath().startsWith(dir);
}

SourcesRoutes::SourcesRoutes(HttpFront *http, Database *db, SourceManager *sources,
                             QString uploadDir)
    : QObject(http), m_db(db), m_sources(sources), m_uploadDir(std::move(uploadDir))
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
                    // A search over every guide's channels: on a worker.
                    answerOnWorker(
                            req, &m_workers, m_db, this,
                            [search = search.trimmed(), limit, offset](const QSqlDatabase &db) {
                                qint64 total = 0;
                                QString error;
                                const auto items = GuideStore::channels(db, search, limit, offset,
                                                                        &total, &error);
                                if (!items)
                                    return Answer::databaseError(error);
                                return Answer::json(QJsonObject {{QStringLiteral("items"), *items},
                                                                 {QStringLiteral("total"), total}});
                            });
                });

    for (const SourceManager::Kind kind :
         {SourceManager::Kind::Channels, SourceManager::Kind::Guide}) {
        const QString base = kind == SourceManager::Kind::Channels
                                     ? QStringLiteral("/api/sources")
                                     : QStringLiteral("/api/epg-sources");
        const char *what = kind == SourceManager::Kind::Channels ? "channel source" : "EPG source";
        const QString area = kind == SourceManager::Kind::Channels ? QStringLiteral("sources")
                                                                   : QStringLiteral("epg-sources");

        // The stored source with the progress the server thread keeps.
        auto sourceJson = [this, kind](qint64 id) {
            auto source = SourceStore::byId(m_db->connection(), kind, id);
            if (source)
                source->insert(QStringLiteral("progress"), m_sources->progress(kind, int(id)));
            return source;
        };

        http->route(
                M::Get | M::Head, base, Access::Admin,
                [this, kind](const HttpRequest &req, QHttpServerResponder &r) {
                    if (badRequest(r, checkQueryNames(req.query(), {})))
                        return;
                    // The counts grow with the catalog (a guide's programmes): on a worker.
                    DeferredReply reply(req);
                    struct Rows
                    {
                        std::optional<QList<QJsonObject>> items;
                        QString error;
                    };
                    onWorker(
                            &m_workers, m_db, this,
                            [kind](const QSqlDatabase &db) {
                                Rows rows;
                                rows.items = SourceStore::list(db, kind, &rows.error);
                                return rows;
                            },
                            [this, kind, reply](Rows rows) mutable {
                                if (!rows.items)
                                    return send(reply, Answer::databaseError(rows.error));
                                QJsonArray items;
                                for (QJsonObject &s : *rows.items) {
                                    s.insert(QStringLiteral("progress"),
                                             m_sources->progress(
                                                     kind, s.value(QLatin1String("id")).toInt()));
                                    items.append(s);
                                }
                                reply.sendJson(QJsonObject {{QStringLiteral("items"), items}});
                            });
                });

        http->route(M::Post, base, Access::Admin,
                    [this, kind, what, area, sourceJson](const HttpRequest &req,
                                                         QHttpServerResponder &r) {
                        const auto body = jsonBody(req, r);
                        if (!body
                            || badRequest(r, checkObject(*body, kSourceFields,
                                                         {QStringLiteral("name"),
                                                          QStringLiteral("location")}))
                            || badRequest(r, checkLocation(*body))
                            || badRequest(r, checkInterval(*body)))
                            return;
                        const StoreResult created
                                = SourceStore::create(m_db->connection(), kind, *body,
                                                      QDateTime::currentSecsSinceEpoch());
                        if (storeFailed(r, created, what, 0))
                            return;
                        const int id = int(created.id);
                        qCInfo(lcCatalog).noquote()
                                << "Added" << SourceManager::kindName(kind) << "source" << id
                                << body->value(QLatin1String("name")).toString();
                        if (body->value(QLatin1String("enabled")).toBool(true))
                            m_sources->refresh(kind, id);
                        Http::sendJson(r, *sourceJson(id), Status::Created);
                        Q_EMIT changed(area, QStringLiteral("created"), {id});
                    });

        http->route(M::Get | M::Head, base + QStringLiteral("/{id}"), Access::Admin,
                    [this, kind, what](const HttpRequest &req, QHttpServerResponder &r) {
                        if (const auto id = pathId(req, r, what))
                            answerSource(req, kind, *id, what,
                                         [](DeferredReply &reply, const QJsonObject &source) {
                                             reply.sendJson(source);
                                         });
                    });

        http->route(M::Get | M::Head, base + QStringLiteral("/{id}/status"), Access::Admin,
                    [this, kind, what](const HttpRequest &req, QHttpServerResponder &r) {
                        const auto id = pathId(req, r, what);
                        if (!id)
                            return;
                        answerSource(req, kind, *id, what,
                                     [](DeferredReply &reply, const QJsonObject &source) {
                                         QJsonObject status
                                                 = source.value(QLatin1String("status")).toObject();
                                         status.insert(QStringLiteral("progress"),
                                                       source.value(QLatin1String("progress")));
                                         reply.sendJson(status);
                                     });
                    });

        http->route(M::Patch | M::Put, base + QStringLiteral("/{id}"), Access::Admin,
                    [this, kind, what, area, sourceJson](const HttpRequest &req,
                                                         QHttpServerResponder &r) {
                        const auto edit = editRequest(req, r, what, kSourceFields);
                        if (!edit || badRequest(r, checkLocation(edit->body))
                            || badRequest(r, checkInterval(edit->body)))
                            return;
                        const QSqlDatabase db = m_db->connection();
                        const auto before = SourceStore::byId(db, kind, edit->id);
                        if (storeFailed(r, SourceStore::update(db, kind, edit->id, edit->body),
                                        what, edit->id))
                            return;
                        const auto after = sourceJson(edit->id);
                        if (!before || !after)
                            return notFound(r, what, edit->id);
                        // An uploaded file belongs to its source alone: pointed elsewhere, the
                        // source no longer needs it (removed once the edit is stored).
                        const QString oldLocation
                                = before->value(QLatin1String("location")).toString();
                        if (oldLocation != after->value(QLatin1String("location")).toString()
                            && isUpload(oldLocation) && QFileInfo::exists(oldLocation)
                            && !QFile::remove(oldLocation))
                            qCWarning(lcCatalog).noquote()
                                    << "Could not delete the uploaded file" << oldLocation;
                        if (after->value(QLatin1String("enabled")).toBool()
                            && (after->value(QLatin1String("location"))
                                        != before->value(QLatin1String("location"))
                                || !before->value(QLatin1String("enabled")).toBool()))
                            m_sources->refresh(kind, edit->id);
                        Http::sendJson(r, *sourceJson(edit->id));
                        Q_EMIT changed(area, QStringLiteral("updated"), {edit->id});
                    });

        http->route(M::Delete, base + QStringLiteral("/{id}"), Access::Admin,
                    [this, kind, what, area](const HttpRequest &req, QHttpServerResponder &r) {
                        const auto id = pathId(req, r, what);
                        if (!id)
                            return;
                        const QSqlDatabase db = m_db->connection();
                        const auto source = SourceStore::location(db, kind, *id);
                        if (!source)
                            return notFound(r, what, *id);
                        m_sources->forget(kind, *id);
                        if (storeFailed(r,
                                        SourceStore::remove(db, kind, *id,
                                                            QDateTime::currentSecsSinceEpoch()),
                                        what, *id))
                            return;
                        qCInfo(lcCatalog).noquote()
                                << "Deleted" << SourceManager::kindName(kind) << "source" << *id;
                        // An uploaded file belongs to its source alone: it goes with it.
                        if (isUpload(source->location) && !QFile::remove(source->location))
                            qCWarning(lcCatalog).noquote()
                                    << "Could not delete the uploaded file" << source->location;
                        Http::sendJson(r, QJsonObject {{QStringLiteral("deleted"), *id}});
                        Q_EMIT changed(area, QStringLiteral("deleted"), {*id});
                    });

        // The file itself as the body (any content type, at most http_max_request_mib: the
        // listener refuses more with 413): kept in uploadDir and imported as a source of its
        // own, on demand only. The file is written on a worker; the import runs as for a URL.
        http->route(M::Post, base + QStringLiteral("/upload"), Access::Admin,
                    [this, kind, what, area, sourceJson](const HttpRequest &req,
                                                         QHttpServerResponder &r) {
                        const auto query = Query::check(req, r, {QStringLiteral("name")});
                        if (!query)
                            return;
                        const QString name = query->text(QStringLiteral("name")).trimmed();
                        if (name.isEmpty() || name.size() > 200) {
                            Http::sendError(
                                    r, Status::BadRequest,
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
                        if (SourceStore::nameTaken(m_db->connection(), kind, name)) {
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
                                [this, reply, kind, name, taken, area,
                                 sourceJson](Saved saved) mutable {
                                    if (saved.path.isEmpty()) {
                                        qCWarning(lcCatalog).noquote()
                                                << "Upload not kept:" << saved.error;
                                        return reply.sendError(500, saved.error);
                                    }
                                    const QSqlDatabase db = m_db->connection();
                                    // Checked again: another upload may have taken it meanwhile.
                                    if (SourceStore::nameTaken(db, kind, name)) {
                                        QFile::remove(saved.path);
                                        return reply.sendError(409, taken);
                                    }
                                    // Imported now and on demand only: no interval.
                                    const StoreResult created = SourceStore::create(
                                            db, kind,
                                            {{QStringLiteral("name"), name},
                                             {QStringLiteral("location"), saved.path},
                                             {QStringLiteral("enabled"), true},
                                             {QStringLiteral("refresh_interval_s"), 0}},
                                            QDateTime::currentSecsSinceEpoch());
                                    if (!created.ok()) {
                                        QFile::remove(saved.path);
                                        return reply.sendDatabaseError(created.error);
                                    }
                                    const int id = int(created.id);
                                    qCInfo(lcCatalog).noquote()
                                            << "Added" << SourceManager::kindName(kind) << "source"
                                            << id << name << "from an uploaded file" << saved.path;
                                    m_sources->refresh(kind, id);
                                    reply.sendJson(*sourceJson(id), 201);
                                    Q_EMIT changed(area, QStringLiteral("created"), {id});
                                });
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

SourcesRoutes::~SourcesRoutes()
{
    // Tasks post to this object and read the database: they finish first.
    m_workers.clear();
    m_workers.waitForDone();
}
