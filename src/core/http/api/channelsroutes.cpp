#include "channelsroutes.h"

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
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {
using M = HttpFront::Method;
using Access = HttpFront::Access;
using Status = Http::Status;
using namespace Api;
} // namespace

namespace {

const QString kChannelColumns = QStringLiteral(
        "c.id, c.source_id, c.kind, c.content_id, c.infohash, c.url,"
        " COALESCE(c.custom_name, c.name), COALESCE(c.custom_number, c.number),"
        " COALESCE(c.custom_category_id, c.category_id), COALESCE(c.custom_logo, c.logo),"
        " COALESCE(c.custom_epg_id, c.guide_id, c.epg_id),"
        " c.name, c.number, c.category_id, c.logo, c.epg_id, c.tvg_name,"
        " c.custom_name, c.custom_number, c.custom_category_id, c.custom_logo, c.custom_epg_id,"
        " c.hidden, c.active, c.check_status, c.check_error, c.checked_at, c.added_at, "
        "c.updated_at, c.guide_id,"
        " (SELECT cat.name FROM categories cat"
        " WHERE cat.id = COALESCE(c.custom_category_id, c.category_id))");

std::optional<QString> parseBoolParam(const QString &name, const QString &text, bool *out)
{
    if (text == QLatin1String("true") || text == QLatin1String("1"))
        *out = true;
    else if (text == QLatin1String("false") || text == QLatin1String("0"))
        *out = false;
    else
        return QStringLiteral("%1: expected true or false").arg(name);
    return std::nullopt;
}

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

QJsonObject ChannelsRoutes::channelJson(const QSqlQuery &q)
{
    return {
            {QStringLiteral("id"), q.value(0).toInt()},
            {QStringLiteral("source_id"), nullable(q.value(1))},
            {QStringLiteral("kind"), q.value(2).toString()},
            {QStringLiteral("content_id"), nullable(q.value(3))},
            {QStringLiteral("infohash"), nullable(q.value(4))},
            {QStringLiteral("url"), nullable(q.value(5))},
            {QStringLiteral("name"), q.value(6).toString()},
            {QStringLiteral("number"), nullable(q.value(7))},
            {QStringLiteral("category_id"), nullable(q.value(8))},
            {QStringLiteral("logo"), nullable(q.value(9))},
            {QStringLiteral("epg_id"), nullable(q.value(10))},
            {QStringLiteral("imported"),
             QJsonObject {{QStringLiteral("name"), q.value(11).toString()},
                          {QStringLiteral("number"), nullable(q.value(12))},
                          {QStringLiteral("category_id"), nullable(q.value(13))},
                          {QStringLiteral("logo"), nullable(q.value(14))},
                          {QStringLiteral("epg_id"), nullable(q.value(15))},
                          {QStringLiteral("tvg_name"), nullable(q.value(16))}}},
            {QStringLiteral("custom"),
             QJsonObject {{QStringLiteral("name"), nullable(q.value(17))},
                          {QStringLiteral("number"), nullable(q.value(18))},
                          {QStringLiteral("category_id"), nullable(q.value(19))},
                          {QStringLiteral("logo"), nullable(q.value(20))},
                          {QStringLiteral("epg_id"), nullable(q.value(21))}}},
            {QStringLiteral("hidden"), q.value(22).toInt() != 0},
            {QStringLiteral("active"), q.value(23).toInt() != 0},
            {QStringLiteral("check_status"), nullable(q.value(24))},
            {QStringLiteral("check_error"), nullable(q.value(25))},
            {QStringLiteral("checked_at"), isoTime(q.value(26))},
            {QStringLiteral("added_at"), isoTime(q.value(27))},
            {QStringLiteral("updated_at"), isoTime(q.value(28))},
            {QStringLiteral("guide_id"), nullable(q.value(29))},
            {QStringLiteral("category"), nullable(q.value(30))},
    };
}

std::optional<QJsonObject> ChannelsRoutes::channel(const QSqlDatabase &db, int id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM channels c WHERE c.id = ?").arg(kChannelColumns));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return channelJson(q);
}

ChannelsRoutes::ChannelsRoutes(HttpFront *http, Database *db) : QObject(http), m_db(db)
{
    http->route(
            M::Get | M::Head, QStringLiteral("/api/channels"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                const QUrlQuery query = req.query();
                if (badRequest(r, checkQueryNames(
                                          query,
                                          {QStringLiteral("search"), QStringLiteral("category_id"),
                                           QStringLiteral("source_id"), QStringLiteral("kind"),
                                           QStringLiteral("active"), QStringLiteral("hidden"),
                                           QStringLiteral("check_status"), QStringLiteral("sort"),
                                           QStringLiteral("offset"), QStringLiteral("limit")})))
                    return;
                QStringList where;
                QVariantList binds;
                auto text = [&](const char *name) {
                    return query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
                };
                if (text("search").size() > kMaxSearchLength) {
                    Http::sendError(
                            r, Status::BadRequest,
                            QStringLiteral("search: at most %1 characters").arg(kMaxSearchLength));
                    return;
                }
                if (!text("search").isEmpty()) {
                    where << QStringLiteral(
                            "(COALESCE(c.custom_name, c.name) LIKE ? ESCAPE '\\' OR c.tvg_name "
                            "LIKE ? ESCAPE '\\'"
                            " OR c.content_id = ? OR c.infohash = ? OR c.url LIKE ? ESCAPE '\\')");
                    QString pattern = text("search");
                    pattern.replace(QLatin1String("\\"), QLatin1String("\\\\"))
                            .replace(QLatin1String("%"), QLatin1String("\\%"))
                            .replace(QLatin1String("_"), QLatin1String("\\_"));
                    pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
                    binds << pattern << pattern << text("search").toLower()
                          << text("search").toLower() << pattern;
                }
                if (query.hasQueryItem(QStringLiteral("category_id"))) {
                    if (text("category_id") == QLatin1String("none")) {
                        where << QStringLiteral(
                                "COALESCE(c.custom_category_id, c.category_id) IS NULL");
                    } else {
                        qint64 id = 0;
                        if (!Http::parseInt(text("category_id"), 1, std::numeric_limits<int>::max(),
                                            &id)) {
                            Http::sendError(
                                    r, Status::BadRequest,
                                    QStringLiteral("category_id: expected a category id or none"));
                            return;
                        }
                        where << QStringLiteral(
                                "COALESCE(c.custom_category_id, c.category_id) = ?");
                        binds << id;
                    }
                }
                if (query.hasQueryItem(QStringLiteral("source_id"))) {
                    qint64 id = 0;
                    if (text("source_id") == QLatin1String("none")) {
                        where << QStringLiteral("c.source_id IS NULL");
                    } else if (!Http::parseInt(text("source_id"), 1,
                                               std::numeric_limits<int>::max(), &id)) {
                        Http::sendError(r, Status::BadRequest,
                                        QStringLiteral("source_id: expected a source id or none"));
                        return;
                    } else {
                        where << QStringLiteral("c.source_id = ?");
                        binds << id;
                    }
                }
                if (query.hasQueryItem(QStringLiteral("kind"))) {
                    if (text("kind") != QLatin1String("acestream")
                        && text("kind") != QLatin1String("direct")) {
                        Http::sendError(r, Status::BadRequest,
                                        QStringLiteral("kind: expected acestream or direct"));
                        return;
                    }
                    where << QStringLiteral("c.kind = ?");
                    binds << text("kind");
                }
                for (const char *flag : {"active", "hidden"}) {
                    if (!query.hasQueryItem(QString::fromLatin1(flag)))
                        continue;
                    bool value = false;
                    if (badRequest(r,
                                   parseBoolParam(QString::fromLatin1(flag), text(flag), &value)))
                        return;
                    where << QStringLiteral("c.%1 = ?").arg(QLatin1String(flag));
                    binds << (value ? 1 : 0);
                }
                if (query.hasQueryItem(QStringLiteral("check_status"))) {
                    const QString s = text("check_status");
                    if (s == QLatin1String("none")) {
                        where << QStringLiteral("c.check_status IS NULL");
                    } else if (s == QLatin1String("ok") || s == QLatin1String("unavailable")
                               || s == QLatin1String("error")) {
                        where << QStringLiteral("c.check_status = ?");
                        binds << s;
                    } else {
                        Http::sendError(
                                r, Status::BadRequest,
                                QStringLiteral(
                                        "check_status: expected ok, unavailable, error or none"));
                        return;
                    }
                }
                QString order = QStringLiteral("COALESCE(c.custom_number, c.number) IS NULL, "
                                               "COALESCE(c.custom_number, c.number), c.id");
                if (query.hasQueryItem(QStringLiteral("sort"))) {
                    const QString s = text("sort");
                    if (s == QLatin1String("name"))
                        order = QStringLiteral(
                                "COALESCE(c.custom_name, c.name) COLLATE NOCASE, c.id");
                    else if (s == QLatin1String("id"))
                        order = QStringLiteral("c.id");
                    else if (s == QLatin1String("added_at"))
                        order = QStringLiteral("c.added_at DESC, c.id");
                    else if (s != QLatin1String("number")) {
                        Http::sendError(
                                r, Status::BadRequest,
                                QStringLiteral("sort: expected number, name, id or added_at"));
                        return;
                    }
                }
                qint64 offset = 0;
                qint64 limit = 100;
                if (query.hasQueryItem(QStringLiteral("offset"))
                    && !Http::parseInt(text("offset"), 0, std::numeric_limits<int>::max(),
                                       &offset)) {
                    Http::sendError(r, Status::BadRequest,
                                    QStringLiteral("offset: expected a number from 0"));
                    return;
                }
                if (query.hasQueryItem(QStringLiteral("limit"))
                    && !Http::parseInt(text("limit"), 1, 5000, &limit)) {
                    Http::sendError(r, Status::BadRequest,
                                    QStringLiteral("limit: expected a number from 1 to 5000"));
                    return;
                }
                const QString whereSql
                        = where.isEmpty()
                                  ? QString()
                                  : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
                // The count and the page grow with the catalog: built on a worker.
                DeferredReply reply(req);
                struct Result
                {
                    QByteArray json;
                    QString error;
                };
                onWorker(
                        &m_workers, m_db, this,
                        [whereSql, binds, order, offset, limit](const QSqlDatabase &db) {
                            Result result;
                            QSqlQuery count(db);
                            count.prepare(QStringLiteral("SELECT COUNT(*) FROM channels c")
                                          + whereSql);
                            for (const QVariant &b : binds)
                                count.addBindValue(b);
                            if (!count.exec() || !count.next()) {
                                result.error = count.lastError().text();
                                return result;
                            }
                            QSqlQuery q(db);
                            q.setForwardOnly(true);
                            q.prepare(QStringLiteral(
                                              "SELECT %1 FROM channels c%2 ORDER BY %3 LIMIT ? "
                                              "OFFSET ?")
                                              .arg(kChannelColumns, whereSql, order));
                            for (const QVariant &b : binds)
                                q.addBindValue(b);
                            q.addBindValue(limit);
                            q.addBindValue(offset);
                            if (!q.exec()) {
                                result.error = q.lastError().text();
                                return result;
                            }
                            QJsonArray items;
                            while (q.next())
                                items.append(channelJson(q));
                            result.json
                                    = QJsonDocument(QJsonObject {{QStringLiteral("items"), items},
                                                                 {QStringLiteral("total"),
                                                                  count.value(0).toInt()},
                                                                 {QStringLiteral("offset"), offset},
                                                                 {QStringLiteral("limit"), limit}})
                                              .toJson(QJsonDocument::Compact);
                            return result;
                        },
                        [reply](Result result) mutable {
                            if (!result.error.isEmpty())
                                return reply.sendDatabaseError(
                                        QStringLiteral("database error: %1").arg(result.error));
                            reply.send(200, "application/json", result.json,
                                       {{"Cache-Control", "no-store"}});
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
                QSqlDatabase db = m_db->connection();
                const QJsonValue category = body->value(QLatin1String("category_id"));
                if (!categoryExistsOr400(db, category, r))
                    return;
                const qint64 now = QDateTime::currentSecsSinceEpoch();
                QVariant number = nullOr(body->value(QLatin1String("number")));
                if (number.isNull()) {
                    QSqlQuery n(db);
                    if (n.exec(QStringLiteral(
                                "SELECT COALESCE(MAX(MAX(COALESCE(number, 0)), "
                                "MAX(COALESCE(custom_number, 0))), 0) + 1 FROM channels"))
                        && n.next())
                        number = n.value(0);
                }
                QSqlQuery q(db);
                q.prepare(QStringLiteral("INSERT INTO channels(kind, content_id, infohash, url, "
                                         "name, number, category_id, logo,"
                                         " epg_id, hidden, added_at, updated_at) VALUES (?, ?, ?, "
                                         "?, ?, ?, ?, ?, ?, ?, ?, ?)"));
                q.addBindValue(entry.kind == M3uEntry::Kind::Direct ? QStringLiteral("direct")
                                                                    : QStringLiteral("acestream"));
                q.addBindValue(entry.contentId.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                                         : QVariant(entry.contentId));
                q.addBindValue(entry.infohash.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                                        : QVariant(entry.infohash));
                q.addBindValue(entry.url.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                                   : QVariant(entry.url));
                q.addBindValue(body->value(QLatin1String("name")).toString().trimmed());
                q.addBindValue(number);
                q.addBindValue(nullOr(category));
                q.addBindValue(nullOr(body->value(QLatin1String("logo"))));
                q.addBindValue(nullOr(body->value(QLatin1String("epg_id"))));
                q.addBindValue(body->value(QLatin1String("hidden")).toBool() ? 1 : 0);
                q.addBindValue(now);
                q.addBindValue(now);
                if (!q.exec())
                    return writeFailed(
                            r, q,
                            QStringLiteral("address: a channel with this address already exists"));
                const int id = q.lastInsertId().toInt();
                qCInfo(lcCatalog) << "Channel" << id << "created by the admin";
                Http::sendJson(r, *channel(m_db->connection(), id), Status::Created);
                Q_EMIT changed(QStringLiteral("channels"), QStringLiteral("created"), {id});
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
                // Up to 100,000 ids, each checked then updated: on a worker, in one transaction.
                answerOnWorker(
                        req, &m_workers, m_db, this,
                        [body = *body](const QSqlDatabase &connection) {
                            QSqlDatabase db = connection;
                            const QJsonValue category = body.value(QLatin1String("category_id"));
                            if (category.isDouble()
                                && !exists(db, QStringLiteral("categories"), category.toInteger()))
                                return Answer::error(400, QStringLiteral("category_id: no such "
                                                                         "category: %1")
                                                                  .arg(category.toInteger()));
                            const QJsonArray ids = body.value(QLatin1String("ids")).toArray();
                            for (int i = 0; i < ids.size(); ++i) {
                                if (!exists(db, QStringLiteral("channels"), ids.at(i).toInteger()))
                                    return Answer::error(
                                            400, QStringLiteral("ids[%1]: no such channel: %2")
                                                         .arg(i)
                                                         .arg(ids.at(i).toInteger()));
                            }
                            QStringList sets;
                            if (body.contains(QLatin1String("category_id")))
                                sets << QStringLiteral("custom_category_id = ?");
                            if (body.contains(QLatin1String("hidden")))
                                sets << QStringLiteral("hidden = ?");
                            if (!db.transaction())
                                return Answer::databaseError(db.lastError().text());
                            QSqlQuery q(db);
                            q.prepare(QStringLiteral("UPDATE channels SET %1, updated_at = ? WHERE "
                                                     "id = ?")
                                              .arg(sets.join(QStringLiteral(", "))));
                            const qint64 now = QDateTime::currentSecsSinceEpoch();
                            for (const QJsonValue &id : ids) {
                                if (body.contains(QLatin1String("category_id")))
                                    q.addBindValue(nullOr(category));
                                if (body.contains(QLatin1String("hidden")))
                                    q.addBindValue(
                                            body.value(QLatin1String("hidden")).toBool() ? 1 : 0);
                                q.addBindValue(now);
                                q.addBindValue(id.toInteger());
                                if (!q.exec()) {
                                    const QString error = q.lastError().text();
                                    db.rollback();
                                    return Answer::databaseError(error);
                                }
                            }
                            if (!db.commit()) {
                                const QString error = db.lastError().text();
                                db.rollback();
                                return Answer::databaseError(error);
                            }
                            return Answer::json(
                                    QJsonObject {{QStringLiteral("updated"), ids.size()}});
                        },
                        [this,
                         ids = body->value(QLatin1String("ids")).toArray()](const Answer &answer) {
                            if (!answer.ok())
                                return;
                            QList<qint64> changedIds;
                            for (const QJsonValue &id : ids)
                                changedIds.append(id.toInteger());
                            Q_EMIT changed(QStringLiteral("channels"), QStringLiteral("bulk"),
                                           changedIds);
                        });
            });

    http->route(M::Get | M::Head, QStringLiteral("/api/channels/{id}"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto id = pathId(req, r, "channel");
                    if (!id)
                        return;
                    if (const auto c = channel(m_db->connection(), *id))
                        Http::sendJson(r, *c);
                    else
                        Http::sendError(r, Status::NotFound,
                                        QStringLiteral("no such channel: %1").arg(*id));
                });

    http->route(
            M::Patch | M::Put, QStringLiteral("/api/channels/{id}"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                const auto id = pathId(req, r, "channel");
                if (!id)
                    return;
                const auto body = jsonBody(req, r);
                if (!body)
                    return;
                if (badRequest(r, checkObject(*body, kChannelEditFields)))
                    return;
                QSqlDatabase db = m_db->connection();
                if (!exists(db, QStringLiteral("channels"), *id)) {
                    Http::sendError(r, Status::NotFound,
                                    QStringLiteral("no such channel: %1").arg(*id));
                    return;
                }
                const QJsonValue category = body->value(QLatin1String("category_id"));
                if (!categoryExistsOr400(db, category, r))
                    return;
                QStringList sets;
                QVariantList binds;
                for (auto it = body->begin(); it != body->end(); ++it) {
                    sets << (it.key() == QLatin1String("hidden")
                                     ? QStringLiteral("hidden = ?")
                                     : QStringLiteral("custom_%1 = ?").arg(it.key()));
                    QVariant v = nullOr(it.value());
                    // An emptied text field clears the edit, like null.
                    if (v.typeId() == QMetaType::QString && v.toString().isEmpty())
                        v = QVariant(QMetaType(QMetaType::QString));
                    binds << v;
                }
                if (!sets.isEmpty()) {
                    QSqlQuery q(db);
                    q.prepare(QStringLiteral("UPDATE channels SET %1, updated_at = ? WHERE id = ?")
                                      .arg(sets.join(QStringLiteral(", "))));
                    for (const QVariant &b : binds)
                        q.addBindValue(b);
                    q.addBindValue(QDateTime::currentSecsSinceEpoch());
                    q.addBindValue(*id);
                    if (!q.exec())
                        return dbError(r, q.lastError().text());
                }
                Http::sendJson(r, *channel(m_db->connection(), *id));
                Q_EMIT changed(QStringLiteral("channels"), QStringLiteral("updated"), {*id});
            });

    http->route(
            M::Delete, QStringLiteral("/api/channels/{id}"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                // A channel still in its source's playlist comes back at the next refresh.
                if (const auto id
                    = deleteById(m_db->connection(), req, r, QStringLiteral("channels"), "channel"))
                    Q_EMIT changed(QStringLiteral("channels"), QStringLiteral("deleted"), {*id});
            });

    // The guide of one channel, through its effective guide id.
    http->route(
            M::Get | M::Head, QStringLiteral("/api/channels/{id}/programmes"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                const auto id = pathId(req, r, "channel");
                if (!id)
                    return;
                const QUrlQuery query = req.query();
                if (badRequest(r, checkQueryNames(query, {QStringLiteral("hours"),
                                                          QStringLiteral("past_hours")})))
                    return;
                qint64 hours = 24;
                qint64 pastHours = 0;
                if (query.hasQueryItem(QStringLiteral("hours"))
                    && !Http::parseInt(query.queryItemValue(QStringLiteral("hours")), 1, 24 * 60,
                                       &hours)) {
                    Http::sendError(r, Status::BadRequest,
                                    QStringLiteral("hours: expected a number from 1 to 1440"));
                    return;
                }
                if (query.hasQueryItem(QStringLiteral("past_hours"))
                    && !Http::parseInt(query.queryItemValue(QStringLiteral("past_hours")), 0,
                                       24 * 60, &pastHours)) {
                    Http::sendError(r, Status::BadRequest,
                                    QStringLiteral("past_hours: expected a number from 0 to 1440"));
                    return;
                }
                const auto c = channel(m_db->connection(), *id);
                if (!c) {
                    Http::sendError(r, Status::NotFound,
                                    QStringLiteral("no such channel: %1").arg(*id));
                    return;
                }
                const QString guideId = c->value(QLatin1String("epg_id")).toString();
                const qint64 now = QDateTime::currentSecsSinceEpoch();
                QString error;
                const auto items = GuideStore::programmes(m_db->connection(), guideId,
                                                          now - pastHours * 3600,
                                                          now + hours * 3600, &error);
                if (!items)
                    return dbError(r, error);
                Http::sendJson(
                        r, QJsonObject {{QStringLiteral("epg_id"),
                                         guideId.isEmpty() ? QJsonValue() : QJsonValue(guideId)},
                                        {QStringLiteral("items"), *items}});
            });
}

ChannelsRoutes::~ChannelsRoutes()
{
    // Tasks read the database and post to this object: they finish first.
    m_workers.clear();
    m_workers.waitForDone();
}
