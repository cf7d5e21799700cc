#include "channelsroutes.h"

#include "catalog/channelstore.h"
#include "catalog/guidestore.h"
#include "catalog/m3uparser.h"
#include "catalog/sourcemanager.h"
#include "http/api/apiinput.h"
#include "http/deferredreply.h"
#include "http/httpfront.h"
#include "http/httputil.h"
#include "storage/database.h"

#include <QDateTime>
#include <QJsonArray>

namespace {
using M = HttpFront::Method;
using Access = HttpFront::Access;
using Status = Http::Status;
using namespace Api;
} // namespace

namespace {

// Fields a user may edit on any channel: written to the custom_* columns (null clears the edit).
const QList<Field> kChannelEditFields {
        {"name", Type::String, true, 1, 300},
        {"number", Type::Int, true, 0, 9999999},
        {"category_id", Type::Int, true, 1, std::numeric_limits<int>::max()},
        {"logo", Type::String, true, 0, 4000},
        {"epg_id", Type::String, true, 0, 300},
        {"hidden", Type::Bool},
};

} // namespace

ChannelsRoutes::ChannelsRoutes(HttpFront *http, Database *db) : QObject(http), m_db(db)
{
    http->route(
            M::Get | M::Head, QStringLiteral("/api/channels"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                const auto query
                        = Query::check(req, r,
                                       {QStringLiteral("search"), QStringLiteral("category_id"),
                                        QStringLiteral("source_id"), QStringLiteral("kind"),
                                        QStringLiteral("active"), QStringLiteral("hidden"),
                                        QStringLiteral("check_status"), QStringLiteral("sort"),
                                        QStringLiteral("offset"), QStringLiteral("limit")});
                ChannelStore::Filter filter;
                bool active = false;
                bool hidden = false;
                if (!query || !query->search(r, QStringLiteral("search"), &filter.search)
                    || !query->boolean(r, QStringLiteral("active"), &active)
                    || !query->boolean(r, QStringLiteral("hidden"), &hidden)
                    || !query->integer(r, QStringLiteral("offset"), 0,
                                       std::numeric_limits<int>::max(), &filter.offset)
                    || !query->integer(r, QStringLiteral("limit"), 1, 5000, &filter.limit))
                    return;
                if (query->has(QStringLiteral("active")))
                    filter.active = active;
                if (query->has(QStringLiteral("hidden")))
                    filter.hidden = hidden;
                // An id, or "none" (0 for the store).
                auto idOrNone = [&](const QString &name, const QString &what,
                                    std::optional<qint64> *out) {
                    if (!query->has(name))
                        return true;
                    qint64 id = 0;
                    if (query->text(name) != QLatin1String("none")
                        && !Http::parseInt(query->text(name), 1, std::numeric_limits<int>::max(),
                                           &id))
                        return !badRequest(
                                r, QStringLiteral("%1: expected a %2 id or none").arg(name, what));
                    *out = id;
                    return true;
                };
                if (!idOrNone(QStringLiteral("category_id"), QStringLiteral("category"),
                              &filter.categoryId)
                    || !idOrNone(QStringLiteral("source_id"), QStringLiteral("source"),
                                 &filter.sourceId))
                    return;
                // One of the words a parameter takes; false when it answered 400.
                auto oneOf = [&](const QString &name, const QStringList &words, QString *out) {
                    if (!query->has(name))
                        return true;
                    *out = query->text(name);
                    if (words.contains(*out))
                        return true;
                    QStringList choices = words;
                    const QString last = choices.takeLast();
                    return !badRequest(
                            r, QStringLiteral("%1: expected %2 or %3")
                                       .arg(name, choices.join(QStringLiteral(", ")), last));
                };
                QString sort;
                if (!oneOf(QStringLiteral("kind"),
                           {QStringLiteral("acestream"), QStringLiteral("direct")}, &filter.kind)
                    || !oneOf(QStringLiteral("check_status"),
                              {QStringLiteral("ok"), QStringLiteral("unavailable"),
                               QStringLiteral("error"), QStringLiteral("none")},
                              &filter.checkStatus)
                    || !oneOf(QStringLiteral("sort"),
                              {QStringLiteral("number"), QStringLiteral("name"),
                               QStringLiteral("id"), QStringLiteral("added_at")},
                              &sort))
                    return;
                using Sort = ChannelStore::Filter::Sort;
                if (sort == QLatin1String("name"))
                    filter.sort = Sort::Name;
                else if (sort == QLatin1String("id"))
                    filter.sort = Sort::Id;
                else if (sort == QLatin1String("added_at"))
                    filter.sort = Sort::AddedAt;
                // The count and the page grow with the catalog: built on a worker.
                answerOnWorker(req, &m_workers, m_db, this, [filter](const QSqlDatabase &db) {
                    QString error;
                    const auto page = ChannelStore::page(db, filter, &error);
                    return page ? Answer::json(*page) : Answer::databaseError(error);
                });
            });

    http->route(
            M::Post, QStringLiteral("/api/channels"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                const auto body = jsonBody(req, r);
                if (!body)
                    return;
                QList<Field> fields = kChannelEditFields;
                fields << Field {"address", Type::String, false, 1, 4000};
                fields[0].nullable = false;
                if (badRequest(r, checkObject(*body, fields,
                                              {QStringLiteral("name"), QStringLiteral("address")})))
                    return;
                M3uEntry entry;
                if (!M3uParser::classify(body->value(QLatin1String("address")).toString(),
                                         &entry)) {
                    Http::sendError(r, Status::BadRequest,
                                    QStringLiteral("address: expected acestream://<id>, an engine "
                                                   "getstream URL, a 40-hex id or an http(s) URL"));
                    return;
                }
                // Writes wait for an import's write lock: on a worker.
                answerOnWorker(
                        req, &m_workers, m_db, this,
                        [entry, body = *body](const QSqlDatabase &db) {
                            const StoreResult created = ChannelStore::create(
                                    db, entry, body, QDateTime::currentSecsSinceEpoch());
                            if (!created.ok())
                                return Answer::failed(created, "channel", 0);
                            return Answer::json(*ChannelStore::byId(db, created.id),
                                                int(Status::Created));
                        },
                        [this](const Answer &answer) {
                            if (!answer.ok())
                                return;
                            const qint64 id
                                    = answer.object().value(QLatin1String("id")).toInteger();
                            qCInfo(lcCatalog) << "Channel" << id << "created by the admin";
                            Q_EMIT changed(QStringLiteral("channels"), QStringLiteral("created"),
                                           {id});
                        });
            });

    http->route(
            M::Post, QStringLiteral("/api/channels/bulk"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                const auto body = jsonBody(req, r);
                if (!body)
                    return;
                if (badRequest(r, checkObject(*body,
                                              {{"ids", Type::IntList, false, 1,
                                                std::numeric_limits<int>::max()},
                                               {"category_id", Type::Int, true, 1,
                                                std::numeric_limits<int>::max()},
                                               {"hidden", Type::Bool}},
                                              {QStringLiteral("ids")})))
                    return;
                if (!body->contains(QLatin1String("category_id"))
                    && !body->contains(QLatin1String("hidden"))) {
                    Http::sendError(
                            r, Status::BadRequest,
                            QStringLiteral("category_id: give category_id or hidden (or both)"));
                    return;
                }
                QList<qint64> ids;
                for (const QJsonValue &id : body->value(QLatin1String("ids")).toArray())
                    ids.append(id.toInteger());
                QJsonObject fields = *body;
                fields.remove(QStringLiteral("ids"));
                // Up to 100,000 ids, each checked then updated: on a worker, in one transaction.
                answerOnWorker(
                        req, &m_workers, m_db, this,
                        [ids, fields](const QSqlDatabase &db) {
                            const StoreResult updated = ChannelStore::updateMany(
                                    db, ids, fields, QDateTime::currentSecsSinceEpoch());
                            if (!updated.ok())
                                return Answer::failed(updated, "channel", 0);
                            return Answer::json(
                                    QJsonObject {{QStringLiteral("updated"), ids.size()}});
                        },
                        [this, ids](const Answer &answer) {
                            if (answer.ok())
                                Q_EMIT changed(QStringLiteral("channels"), QStringLiteral("bulk"),
                                               ids);
                        });
            });

    http->route(M::Get | M::Head, QStringLiteral("/api/channels/{id}"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto id = pathId(req, r, "channel");
                    if (!id)
                        return;
                    sendFound(r, ChannelStore::byId(m_db->connection(), *id), "channel", *id);
                });

    http->route(M::Patch | M::Put, QStringLiteral("/api/channels/{id}"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto edit = editRequest(req, r, "channel", kChannelEditFields);
                    if (!edit)
                        return;
                    // Writes wait for an import's write lock: on a worker.
                    answerOnWorker(
                            req, &m_workers, m_db, this,
                            [edit = *edit](const QSqlDatabase &db) {
                                const StoreResult updated = ChannelStore::update(
                                        db, edit.id, edit.body, QDateTime::currentSecsSinceEpoch());
                                if (!updated.ok())
                                    return Answer::failed(updated, "channel", edit.id);
                                return Answer::json(*ChannelStore::byId(db, edit.id));
                            },
                            [this, id = edit->id](const Answer &answer) {
                                if (answer.ok())
                                    Q_EMIT changed(QStringLiteral("channels"),
                                                   QStringLiteral("updated"), {id});
                            });
                });

    http->route(M::Delete, QStringLiteral("/api/channels/{id}"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto id = pathId(req, r, "channel");
                    if (!id)
                        return;
                    // A channel still in its source's playlist comes back at the next refresh.
                    answerOnWorker(
                            req, &m_workers, m_db, this,
                            [id = *id](const QSqlDatabase &db) {
                                const StoreResult removed = ChannelStore::remove(db, id);
                                if (!removed.ok())
                                    return Answer::failed(removed, "channel", id);
                                return Answer::json(QJsonObject {{QStringLiteral("deleted"), id}});
                            },
                            [this, id = *id](const Answer &answer) {
                                if (answer.ok())
                                    Q_EMIT changed(QStringLiteral("channels"),
                                                   QStringLiteral("deleted"), {id});
                            });
                });

    // The guide of one channel, through its effective guide id.
    http->route(M::Get | M::Head, QStringLiteral("/api/channels/{id}/programmes"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto id = pathId(req, r, "channel");
                    if (!id)
                        return;
                    const auto query = Query::check(
                            req, r, {QStringLiteral("hours"), QStringLiteral("past_hours")});
                    qint64 hours = 24;
                    qint64 pastHours = 0;
                    if (!query || !query->integer(r, QStringLiteral("hours"), 1, 24 * 60, &hours)
                        || !query->integer(r, QStringLiteral("past_hours"), 0, 24 * 60, &pastHours))
                        return;
                    const auto c = ChannelStore::byId(m_db->connection(), *id);
                    if (!c)
                        return notFound(r, "channel", *id);
                    const QString guideId = c->value(QLatin1String("epg_id")).toString();
                    const qint64 now = QDateTime::currentSecsSinceEpoch();
                    QString error;
                    const auto items = GuideStore::programmes(m_db->connection(), guideId,
                                                              now - pastHours * 3600,
                                                              now + hours * 3600, &error);
                    if (!items)
                        return dbError(r, error);
                    Http::sendJson(r, QJsonObject {{QStringLiteral("epg_id"),
                                                    guideId.isEmpty() ? QJsonValue()
                                                                      : QJsonValue(guideId)},
                                                   {QStringLiteral("items"), *items}});
                });
}

ChannelsRoutes::~ChannelsRoutes()
{
    // Tasks read the database and post to this object: they finish first.
    m_workers.clear();
    m_workers.waitForDone();
}
