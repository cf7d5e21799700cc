#include "adminapi.h"

#include "auth/adminauth.h"
#include "catalog/catalogbackup.h"
#include "catalog/catalogimport.h"
#include "catalog/channelchecker.h"
#include "catalog/m3uparser.h"
#include "catalog/sourcemanager.h"
#include "engine/aceengine.h"
#include "httpfront.h"
#include "httputil.h"
#include "log/logger.h"
#include "server.h"
#include "storage/database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <cmath>

namespace {

using M = HttpFront::Method;
using Access = HttpFront::Access;
using Status = Http::Status;

// ---- input checking -------------------------------------------------------------------------

enum class Type { String, Int, Bool, IntList };

struct Field
{
    const char *name;
    Type type;
    bool nullable = false;
    qint64 min = 0; // Int: value; String: length; IntList: each value
    qint64 max = 0;
};

std::optional<QString> checkValue(const QString &name, const QJsonValue &v, const Field &f)
{
    if (v.isNull()) {
        if (f.nullable)
            return std::nullopt;
        return QStringLiteral("%1: must not be null").arg(name);
    }
    switch (f.type) {
    case Type::String: {
        if (!v.isString())
            return QStringLiteral("%1: expected a string").arg(name);
        const qsizetype n = v.toString().trimmed().size();
        if (n < f.min || n > f.max)
            return f.min > 0 && n == 0 ? QStringLiteral("%1: must not be empty").arg(name)
                                       : QStringLiteral("%1: length must be between %2 and %3")
                                                 .arg(name)
                                                 .arg(f.min)
                                                 .arg(f.max);
        return std::nullopt;
    }
    case Type::Int: {
        // Range first: converting a huge double to an integer is undefined.
        if (!v.isDouble() || std::abs(v.toDouble()) > 9e15
            || v.toDouble() != double(qint64(v.toDouble())))
            return QStringLiteral("%1: expected a whole number").arg(name);
        const qint64 n = qint64(v.toDouble());
        if (n < f.min || n > f.max)
            return QStringLiteral("%1: must be between %2 and %3").arg(name).arg(f.min).arg(f.max);
        return std::nullopt;
    }
    case Type::Bool:
        if (!v.isBool())
            return QStringLiteral("%1: expected true or false").arg(name);
        return std::nullopt;
    case Type::IntList: {
        if (!v.isArray())
            return QStringLiteral("%1: expected an array of whole numbers").arg(name);
        const QJsonArray a = v.toArray();
        if (a.size() > 100000)
            return QStringLiteral("%1: too many entries").arg(name);
        for (int i = 0; i < a.size(); ++i) {
            Field each = f;
            each.type = Type::Int;
            each.nullable = false;
            if (auto e = checkValue(QStringLiteral("%1[%2]").arg(name).arg(i), a.at(i), each))
                return e;
        }
        return std::nullopt;
    }
    }
    return std::nullopt;
}

// Unknown fields, wrong types, out-of-range values and missing required fields, in that order.
std::optional<QString> checkObject(const QJsonObject &o, const QList<Field> &fields,
                                   const QStringList &required = {})
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const auto f = std::find_if(fields.cbegin(), fields.cend(), [&](const Field &x) {
            return it.key() == QLatin1String(x.name);
        });
        if (f == fields.cend())
            return QStringLiteral("%1: unknown field").arg(it.key());
        if (auto e = checkValue(it.key(), it.value(), *f))
            return e;
    }
    for (const QString &name : required) {
        if (!o.contains(name))
            return QStringLiteral("%1: required").arg(name);
    }
    return std::nullopt;
}

std::optional<QJsonObject> bodyObject(const HttpRequest &req, QHttpServerResponder &r)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(req.http.body(), &error);
    if (error.error != QJsonParseError::NoError) {
        Http::sendError(r, Status::BadRequest,
                        QStringLiteral("body: not valid JSON (%1 at offset %2)")
                                .arg(error.errorString())
                                .arg(error.offset));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        Http::sendError(r, Status::BadRequest, QStringLiteral("body: expected a JSON object"));
        return std::nullopt;
    }
    return doc.object();
}

bool badRequest(QHttpServerResponder &r, const std::optional<QString> &error)
{
    if (!error)
        return false;
    Http::sendError(r, Status::BadRequest, *error);
    return true;
}

// A path id: positive integer, else 404 (no such resource can have that name).
std::optional<int> pathId(const HttpRequest &req, QHttpServerResponder &r, const char *what)
{
    bool ok = false;
    const int id = req.arg(QStringLiteral("id")).toInt(&ok);
    if (!ok || id <= 0) {
        Http::sendError(r, Status::NotFound,
                        QStringLiteral("no such %1: %2")
                                .arg(QLatin1String(what), req.arg(QStringLiteral("id"))));
        return std::nullopt;
    }
    return id;
}

void dbError(QHttpServerResponder &r, const QString &error)
{
    qCWarning(lcCatalog).noquote() << "Database error in the admin API:" << error;
    Http::sendDatabaseError(r, QStringLiteral("database error: %1").arg(error));
}

// DELETE of the row named by the path's {id}: 404 when there is none, else {"deleted": id}.
void deleteById(const QSqlDatabase &db, const HttpRequest &req, QHttpServerResponder &r,
                const QString &table, const char *what)
{
    const auto id = pathId(req, r, what);
    if (!id)
        return;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table));
    q.addBindValue(*id);
    if (!q.exec())
        return dbError(r, q.lastError().text());
    if (q.numRowsAffected() == 0) {
        Http::sendError(r, Status::NotFound,
                        QStringLiteral("no such %1: %2").arg(QLatin1String(what)).arg(*id));
        return;
    }
    Http::sendJson(r, QJsonObject {{QStringLiteral("deleted"), *id}});
}

QVariant nullOr(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QVariant(QMetaType(QMetaType::QString));
    if (v.isString())
        return v.toString().trimmed();
    if (v.isBool())
        return v.toBool() ? 1 : 0;
    return qint64(v.toDouble());
}

QJsonValue nullable(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue::fromVariant(v);
}

QJsonValue isoTime(const QVariant &secs)
{
    return secs.isNull() ? QJsonValue()
                         : QJsonValue(QDateTime::fromSecsSinceEpoch(secs.toLongLong(), Qt::UTC)
                                              .toString(Qt::ISODate));
}

bool exists(const QSqlDatabase &db, const QString &table, qint64 id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(table));
    q.addBindValue(id);
    return q.exec() && q.next();
}

// A category_id given in a body must name a category; false when it answered 400.
bool categoryExistsOr400(const QSqlDatabase &db, const QJsonValue &category,
                         QHttpServerResponder &r)
{
    if (!category.isDouble() || exists(db, QStringLiteral("categories"), category.toInteger()))
        return true;
    Http::sendError(r, Status::BadRequest,
                    QStringLiteral("category_id: no such category: %1").arg(category.toInteger()));
    return false;
}

// Bad query parameters are input too: unknown names are refused like unknown JSON fields.
std::optional<QString> checkQueryNames(const QUrlQuery &query, const QStringList &known)
{
    for (const auto &item : query.queryItems()) {
        if (!known.contains(item.first))
            return QStringLiteral("%1: unknown query parameter").arg(item.first);
    }
    return std::nullopt;
}

bool isUniqueViolation(const QSqlQuery &q)
{
    return q.lastError().databaseText().contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive);
}

// A write that failed: 409 with `duplicate` when it broke a UNIQUE constraint, else the
// database error (503 while an import holds the lock, 500 otherwise).
void writeFailed(QHttpServerResponder &r, const QSqlQuery &q, const QString &duplicate)
{
    if (isUniqueViolation(q))
        Http::sendError(r, Status::Conflict, duplicate);
    else
        dbError(r, q.lastError().text());
}

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

} // namespace

AdminApi::AdminApi(Server *server, QObject *parent)
    : QObject(parent), m_server(server),
      m_auth(new AdminAuth(server->database(), server->settings(), server->http(), this))
{ }

AdminApi::~AdminApi() = default;

QJsonObject AdminApi::channelJson(const QSqlQuery &q) const
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

std::optional<QJsonObject> AdminApi::channel(int id) const
{
    QSqlQuery q(m_server->database()->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM channels c WHERE c.id = ?").arg(kChannelColumns));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return channelJson(q);
}

void AdminApi::registerRoutes(HttpFront *http)
{
    http->setAdminGuard([this](const HttpRequest &req, QHttpServerResponder &r) {
        return m_auth->guard(req, r);
    });
    http->route(M::Post, QStringLiteral("/api/login"), Access::Public,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    m_auth->handleLogin(req, r);
                });
    http->route(M::Post, QStringLiteral("/api/logout"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    m_auth->handleLogout(req, r);
                });
    http->route(M::Get | M::Head, QStringLiteral("/api/session"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    m_auth->handleSession(req, r);
                });
    http->route(M::Post, QStringLiteral("/api/password"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    m_auth->handleChangePassword(req, r);
                });
    registerChannelRoutes(http);
    registerCategoryRoutes(http);
    registerSourceRoutes(http);
    registerSettingsRoutes(http);
    registerBackupRoutes(http);
}

// ---- channels -----------------------------------------------------------------------------------

namespace {

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

void AdminApi::registerChannelRoutes(HttpFront *http)
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
                QSqlDatabase db = m_server->database()->connection();
                QSqlQuery count(db);
                count.prepare(QStringLiteral("SELECT COUNT(*) FROM channels c") + whereSql);
                for (const QVariant &b : binds)
                    count.addBindValue(b);
                if (!count.exec() || !count.next())
                    return dbError(r, count.lastError().text());
                QSqlQuery q(db);
                q.setForwardOnly(true);
                q.prepare(QStringLiteral("SELECT %1 FROM channels c%2 ORDER BY %3 LIMIT ? OFFSET ?")
                                  .arg(kChannelColumns, whereSql, order));
                for (const QVariant &b : binds)
                    q.addBindValue(b);
                q.addBindValue(limit);
                q.addBindValue(offset);
                if (!q.exec())
                    return dbError(r, q.lastError().text());
                QJsonArray items;
                while (q.next())
                    items.append(channelJson(q));
                Http::sendJson(r, QJsonObject {{QStringLiteral("items"), items},
                                               {QStringLiteral("total"), count.value(0).toInt()},
                                               {QStringLiteral("offset"), offset},
                                               {QStringLiteral("limit"), limit}});
            });

    http->route(
            M::Post, QStringLiteral("/api/channels"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                const auto body = bodyObject(req, r);
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
                QSqlDatabase db = m_server->database()->connection();
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
                Http::sendJson(r, *channel(id), Status::Created);
            });

    http->route(
            M::Post, QStringLiteral("/api/channels/bulk"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                const auto body = bodyObject(req, r);
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
                QSqlDatabase db = m_server->database()->connection();
                const QJsonValue category = body->value(QLatin1String("category_id"));
                if (!categoryExistsOr400(db, category, r))
                    return;
                const QJsonArray ids = body->value(QLatin1String("ids")).toArray();
                for (int i = 0; i < ids.size(); ++i) {
                    if (!exists(db, QStringLiteral("channels"), ids.at(i).toInteger())) {
                        Http::sendError(r, Status::BadRequest,
                                        QStringLiteral("ids[%1]: no such channel: %2")
                                                .arg(i)
                                                .arg(ids.at(i).toInteger()));
                        return;
                    }
                }
                QStringList sets;
                if (body->contains(QLatin1String("category_id")))
                    sets << QStringLiteral("custom_category_id = ?");
                if (body->contains(QLatin1String("hidden")))
                    sets << QStringLiteral("hidden = ?");
                if (!db.transaction())
                    return dbError(r, db.lastError().text());
                QSqlQuery q(db);
                q.prepare(QStringLiteral("UPDATE channels SET %1, updated_at = ? WHERE id = ?")
                                  .arg(sets.join(QStringLiteral(", "))));
                const qint64 now = QDateTime::currentSecsSinceEpoch();
                for (const QJsonValue &id : ids) {
                    if (body->contains(QLatin1String("category_id")))
                        q.addBindValue(nullOr(category));
                    if (body->contains(QLatin1String("hidden")))
                        q.addBindValue(body->value(QLatin1String("hidden")).toBool() ? 1 : 0);
                    q.addBindValue(now);
                    q.addBindValue(id.toInteger());
                    if (!q.exec()) {
                        const QString error = q.lastError().text();
                        db.rollback();
                        return dbError(r, error);
                    }
                }
                if (!db.commit())
                    return dbError(r, db.lastError().text());
                Http::sendJson(r, QJsonObject {{QStringLiteral("updated"), ids.size()}});
            });

    http->route(M::Get | M::Head, QStringLiteral("/api/channels/{id}"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto id = pathId(req, r, "channel");
                    if (!id)
                        return;
                    if (const auto c = channel(*id))
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
                const auto body = bodyObject(req, r);
                if (!body)
                    return;
                if (badRequest(r, checkObject(*body, kChannelEditFields)))
                    return;
                QSqlDatabase db = m_server->database()->connection();
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
                Http::sendJson(r, *channel(*id));
            });

    http->route(M::Delete, QStringLiteral("/api/channels/{id}"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    // A channel still in its source's playlist comes back at the next refresh.
                    deleteById(m_server->database()->connection(), req, r,
                               QStringLiteral("channels"), "channel");
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
                const auto c = channel(*id);
                if (!c) {
                    Http::sendError(r, Status::NotFound,
                                    QStringLiteral("no such channel: %1").arg(*id));
                    return;
                }
                const QString guideId = c->value(QLatin1String("epg_id")).toString();
                const qint64 now = QDateTime::currentSecsSinceEpoch();
                QSqlQuery q(m_server->database()->connection());
                q.prepare(QStringLiteral(
                        "SELECT start, stop, title, description, category, lang FROM epg_programmes"
                        " WHERE epg_id = ? AND stop > ? AND start < ? ORDER BY start, id"));
                q.addBindValue(guideId);
                q.addBindValue(now - pastHours * 3600);
                q.addBindValue(now + hours * 3600);
                if (!q.exec())
                    return dbError(r, q.lastError().text());
                QJsonArray items;
                while (q.next()) {
                    items.append(QJsonObject {{QStringLiteral("start"), isoTime(q.value(0))},
                                              {QStringLiteral("stop"), isoTime(q.value(1))},
                                              {QStringLiteral("title"), q.value(2).toString()},
                                              {QStringLiteral("description"), nullable(q.value(3))},
                                              {QStringLiteral("category"), nullable(q.value(4))},
                                              {QStringLiteral("lang"), nullable(q.value(5))}});
                }
                Http::sendJson(
                        r, QJsonObject {{QStringLiteral("epg_id"),
                                         guideId.isEmpty() ? QJsonValue() : QJsonValue(guideId)},
                                        {QStringLiteral("items"), items}});
            });

    // Engine checks: one at a time, throttled (ChannelChecker).
    http->route(M::Post, QStringLiteral("/api/channels/{id}/check"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto id = pathId(req, r, "channel");
                    if (!id)
                        return;
                    const auto c = channel(*id);
                    if (!c) {
                        Http::sendError(r, Status::NotFound,
                                        QStringLiteral("no such channel: %1").arg(*id));
                        return;
                    }
                    if (c->value(QLatin1String("kind")).toString() != QLatin1String("acestream")) {
                        Http::sendError(
                                r, Status::BadRequest,
                                QStringLiteral("id: only AceStream channels can be checked"));
                        return;
                    }
                    m_server->channelChecker()->enqueue({*id});
                    Http::sendJson(r, m_server->channelChecker()->status(), Status::Accepted);
                });
    http->route(M::Get | M::Head, QStringLiteral("/api/checks"), Access::Admin,
                [this](const HttpRequest &, QHttpServerResponder &r) {
                    Http::sendJson(r, m_server->channelChecker()->status());
                });
    http->route(M::Post, QStringLiteral("/api/checks"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    QJsonObject body;
                    if (!req.http.body().trimmed().isEmpty()) {
                        const auto parsed = bodyObject(req, r);
                        if (!parsed)
                            return;
                        body = *parsed;
                    }
                    if (badRequest(r, checkObject(body, {{"ids", Type::IntList, false, 1,
                                                          std::numeric_limits<int>::max()}})))
                        return;
                    ChannelChecker *checker = m_server->channelChecker();
                    int queued = 0;
                    if (body.contains(QLatin1String("ids"))) {
                        QList<int> ids;
                        for (const QJsonValue &v : body.value(QLatin1String("ids")).toArray())
                            ids << int(v.toInteger());
                        queued = checker->enqueue(ids);
                    } else {
                        queued = checker->enqueueAll();
                    }
                    QJsonObject status = checker->status();
                    status.insert(QStringLiteral("added"), queued);
                    Http::sendJson(r, status, Status::Accepted);
                });
    http->route(M::Delete, QStringLiteral("/api/checks"), Access::Admin,
                [this](const HttpRequest &, QHttpServerResponder &r) {
                    m_server->channelChecker()->clear();
                    Http::sendJson(r, m_server->channelChecker()->status());
                });
}

// ---- categories ---------------------------------------------------------------------------------

namespace {

std::optional<QJsonObject> categoryJson(const QSqlDatabase &db, int id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT cat.id, cat.name, cat.sort_order, cat.created_at,"
                             " (SELECT COUNT(*) FROM channels c WHERE "
                             "COALESCE(c.custom_category_id, c.category_id) = cat.id)"
                             " FROM categories cat WHERE cat.id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return QJsonObject {{QStringLiteral("id"), q.value(0).toInt()},
                        {QStringLiteral("name"), q.value(1).toString()},
                        {QStringLiteral("sort_order"), q.value(2).toInt()},
                        {QStringLiteral("created_at"), isoTime(q.value(3))},
                        {QStringLiteral("channels"), q.value(4).toInt()}};
}

const QList<Field> kCategoryFields {
        {"name", Type::String, false, 1, 200},
        {"sort_order", Type::Int, false, -1000000, 1000000},
};

} // namespace

void AdminApi::registerCategoryRoutes(HttpFront *http)
{
    http->route(M::Get | M::Head, QStringLiteral("/api/categories"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    if (badRequest(r, checkQueryNames(req.query(), {})))
                        return;
                    QSqlQuery q(m_server->database()->connection());
                    if (!q.exec(QStringLiteral(
                                "SELECT cat.id, cat.name, cat.sort_order, cat.created_at,"
                                " (SELECT COUNT(*) FROM channels c WHERE "
                                "COALESCE(c.custom_category_id, c.category_id) = cat.id)"
                                " FROM categories cat ORDER BY cat.sort_order, cat.id")))
                        return dbError(r, q.lastError().text());
                    QJsonArray items;
                    while (q.next()) {
                        items.append(
                                QJsonObject {{QStringLiteral("id"), q.value(0).toInt()},
                                             {QStringLiteral("name"), q.value(1).toString()},
                                             {QStringLiteral("sort_order"), q.value(2).toInt()},
                                             {QStringLiteral("created_at"), isoTime(q.value(3))},
                                             {QStringLiteral("channels"), q.value(4).toInt()}});
                    }
                    Http::sendJson(r, QJsonObject {{QStringLiteral("items"), items}});
                });

    http->route(
            M::Post, QStringLiteral("/api/categories"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                const auto body = bodyObject(req, r);
                if (!body
                    || badRequest(r, checkObject(*body, kCategoryFields, {QStringLiteral("name")})))
                    return;
                QSqlDatabase db = m_server->database()->connection();
                QVariant order = nullOr(body->value(QLatin1String("sort_order")));
                if (order.isNull()) {
                    QSqlQuery n(db);
                    if (n.exec(QStringLiteral(
                                "SELECT COALESCE(MAX(sort_order), -1) + 1 FROM categories"))
                        && n.next())
                        order = n.value(0);
                }
                QSqlQuery q(db);
                q.prepare(QStringLiteral(
                        "INSERT INTO categories(name, sort_order, created_at) VALUES (?, ?, ?)"));
                q.addBindValue(body->value(QLatin1String("name")).toString().trimmed());
                q.addBindValue(order);
                q.addBindValue(QDateTime::currentSecsSinceEpoch());
                if (!q.exec())
                    return writeFailed(
                            r, q, QStringLiteral("name: a category with this name already exists"));
                Http::sendJson(r, *categoryJson(db, q.lastInsertId().toInt()), Status::Created);
            });

    // Registered before /api/categories/{id} so "order" is not taken for an id.
    http->route(
            M::Put | M::Post, QStringLiteral("/api/categories/order"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                const auto body = bodyObject(req, r);
                if (!body
                    || badRequest(r, checkObject(*body,
                                                 {{"ids", Type::IntList, false, 1,
                                                   std::numeric_limits<int>::max()}},
                                                 {QStringLiteral("ids")})))
                    return;
                QSqlDatabase db = m_server->database()->connection();
                const QJsonArray ids = body->value(QLatin1String("ids")).toArray();
                QSet<qint64> seen;
                for (int i = 0; i < ids.size(); ++i) {
                    const qint64 id = ids.at(i).toInteger();
                    if (seen.contains(id)) {
                        Http::sendError(r, Status::BadRequest,
                                        QStringLiteral("ids[%1]: %2 appears twice").arg(i).arg(id));
                        return;
                    }
                    seen.insert(id);
                    if (!exists(db, QStringLiteral("categories"), id)) {
                        Http::sendError(
                                r, Status::BadRequest,
                                QStringLiteral("ids[%1]: no such category: %2").arg(i).arg(id));
                        return;
                    }
                }
                if (!db.transaction())
                    return dbError(r, db.lastError().text());
                QSqlQuery q(db);
                // Listed categories first, in the given order; the others keep their relative order
                // after them.
                QList<qint64> order;
                for (const QJsonValue &v : ids)
                    order << v.toInteger();
                if (q.exec(QStringLiteral("SELECT id FROM categories ORDER BY sort_order, id"))) {
                    while (q.next()) {
                        if (!seen.contains(q.value(0).toLongLong()))
                            order << q.value(0).toLongLong();
                    }
                }
                q.prepare(QStringLiteral("UPDATE categories SET sort_order = ? WHERE id = ?"));
                for (int i = 0; i < order.size(); ++i) {
                    q.addBindValue(i);
                    q.addBindValue(order.at(i));
                    if (!q.exec()) {
                        const QString error = q.lastError().text();
                        db.rollback();
                        return dbError(r, error);
                    }
                }
                if (!db.commit())
                    return dbError(r, db.lastError().text());
                Http::sendJson(r, QJsonObject {{QStringLiteral("ok"), true}});
            });

    http->route(M::Get | M::Head, QStringLiteral("/api/categories/{id}"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto id = pathId(req, r, "category");
                    if (!id)
                        return;
                    if (const auto c = categoryJson(m_server->database()->connection(), *id))
                        Http::sendJson(r, *c);
                    else
                        Http::sendError(r, Status::NotFound,
                                        QStringLiteral("no such category: %1").arg(*id));
                });

    http->route(
            M::Patch | M::Put, QStringLiteral("/api/categories/{id}"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                const auto id = pathId(req, r, "category");
                if (!id)
                    return;
                const auto body = bodyObject(req, r);
                if (!body || badRequest(r, checkObject(*body, kCategoryFields)))
                    return;
                QSqlDatabase db = m_server->database()->connection();
                if (!exists(db, QStringLiteral("categories"), *id)) {
                    Http::sendError(r, Status::NotFound,
                                    QStringLiteral("no such category: %1").arg(*id));
                    return;
                }
                QStringList sets;
                QVariantList binds;
                for (auto it = body->begin(); it != body->end(); ++it) {
                    sets << QStringLiteral("%1 = ?").arg(it.key());
                    binds << nullOr(it.value());
                }
                if (!sets.isEmpty()) {
                    QSqlQuery q(db);
                    q.prepare(QStringLiteral("UPDATE categories SET %1 WHERE id = ?")
                                      .arg(sets.join(QStringLiteral(", "))));
                    for (const QVariant &b : binds)
                        q.addBindValue(b);
                    q.addBindValue(*id);
                    if (!q.exec())
                        return writeFailed(
                                r, q,
                                QStringLiteral("name: a category with this name already exists"));
                }
                Http::sendJson(r, *categoryJson(db, *id));
            });

    http->route(M::Delete, QStringLiteral("/api/categories/{id}"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    // Its channels fall back to no category (ON DELETE SET NULL); a later import of
                    // the same group-title creates the category again.
                    deleteById(m_server->database()->connection(), req, r,
                               QStringLiteral("categories"), "category");
                });
}

// ---- channel and EPG sources --------------------------------------------------------------------

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

void AdminApi::registerSourceRoutes(HttpFront *http)
{
    // The guides' own channel list: what a channel's epg_id can be set to by hand.
    http->route(
            M::Get | M::Head, QStringLiteral("/api/epg-channels"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                const QUrlQuery query = req.query();
                if (badRequest(r, checkQueryNames(query, {QStringLiteral("search"),
                                                          QStringLiteral("limit")})))
                    return;
                qint64 limit = 500;
                if (query.hasQueryItem(QStringLiteral("limit"))
                    && !Http::parseInt(query.queryItemValue(QStringLiteral("limit")), 1, 100000,
                                       &limit)) {
                    Http::sendError(r, Status::BadRequest,
                                    QStringLiteral("limit: expected a number from 1 to 100000"));
                    return;
                }
                const QString search
                        = query.queryItemValue(QStringLiteral("search"), QUrl::FullyDecoded);
                QSqlQuery q(m_server->database()->connection());
                q.prepare(QStringLiteral("SELECT source_id, epg_id, display_name, icon, "
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
                    return dbError(r, q.lastError().text());
                QJsonArray items;
                while (q.next()) {
                    items.append(
                            QJsonObject {{QStringLiteral("source_id"), q.value(0).toInt()},
                                         {QStringLiteral("epg_id"), q.value(1).toString()},
                                         {QStringLiteral("display_name"), nullable(q.value(2))},
                                         {QStringLiteral("icon"), nullable(q.value(3))},
                                         {QStringLiteral("other_names"),
                                          QJsonArray::fromStringList(q.value(4).toString().split(
                                                  QLatin1Char('\t'), Qt::SkipEmptyParts))}});
                }
                Http::sendJson(r, QJsonObject {{QStringLiteral("items"), items}});
            });

    for (const SourceManager::Kind kind :
         {SourceManager::Kind::Channels, SourceManager::Kind::Guide}) {
        const QString base = kind == SourceManager::Kind::Channels
                                     ? QStringLiteral("/api/sources")
                                     : QStringLiteral("/api/epg-sources");
        const QString table = SourceManager::table(kind);
        const char *what = kind == SourceManager::Kind::Channels ? "channel source" : "EPG source";

        auto sourceJson = [this, kind, table](int id) -> std::optional<QJsonObject> {
            QSqlQuery q(m_server->database()->connection());
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
                    {QStringLiteral("progress"), m_server->sourceManager()->progress(kind, id)},
            };
        };

        http->route(M::Get | M::Head, base, Access::Admin,
                    [this, table, sourceJson](const HttpRequest &req, QHttpServerResponder &r) {
                        if (badRequest(r, checkQueryNames(req.query(), {})))
                            return;
                        QSqlQuery q(m_server->database()->connection());
                        if (!q.exec(QStringLiteral("SELECT id FROM %1 ORDER BY id").arg(table)))
                            return dbError(r, q.lastError().text());
                        QJsonArray items;
                        while (q.next()) {
                            if (const auto s = sourceJson(q.value(0).toInt()))
                                items.append(*s);
                        }
                        Http::sendJson(r, QJsonObject {{QStringLiteral("items"), items}});
                    });

        http->route(
                M::Post, base, Access::Admin,
                [this, kind, table, sourceJson](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto body = bodyObject(req, r);
                    if (!body
                        || badRequest(r, checkObject(*body, kSourceFields,
                                                     {QStringLiteral("name"),
                                                      QStringLiteral("location")}))
                        || badRequest(r, checkLocation(*body))
                        || badRequest(r, checkInterval(*body)))
                        return;
                    QSqlQuery q(m_server->database()->connection());
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
                        m_server->sourceManager()->refresh(kind, id);
                    Http::sendJson(r, *sourceJson(id), Status::Created);
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
                [this, kind, table, what, sourceJson](const HttpRequest &req,
                                                      QHttpServerResponder &r) {
                    const auto id = pathId(req, r, what);
                    if (!id)
                        return;
                    const auto body = bodyObject(req, r);
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
                        QSqlQuery q(m_server->database()->connection());
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
                        m_server->sourceManager()->refresh(kind, *id);
                    Http::sendJson(r, *sourceJson(*id));
                });

        http->route(
                M::Delete, base + QStringLiteral("/{id}"), Access::Admin,
                [this, kind, table, what](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto id = pathId(req, r, what);
                    if (!id)
                        return;
                    QSqlDatabase db = m_server->database()->connection();
                    if (!exists(db, table, *id)) {
                        Http::sendError(
                                r, Status::NotFound,
                                QStringLiteral("no such %1: %2").arg(QLatin1String(what)).arg(*id));
                        return;
                    }
                    m_server->sourceManager()->forget(kind, *id);
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
                });

        http->route(
                M::Post, base + QStringLiteral("/{id}/refresh"), Access::Admin,
                [this, kind, what](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto id = pathId(req, r, what);
                    if (!id)
                        return;
                    QString error;
                    if (!m_server->sourceManager()->refresh(kind, *id, &error)) {
                        Http::sendError(
                                r, Status::NotFound,
                                QStringLiteral("no such %1: %2").arg(QLatin1String(what)).arg(*id));
                        return;
                    }
                    Http::sendJson(r,
                                   QJsonObject {{QStringLiteral("progress"),
                                                 m_server->sourceManager()->progress(kind, *id)}},
                                   Status::Accepted);
                });
    }
}

// ---- settings and logs --------------------------------------------------------------------------

void AdminApi::registerSettingsRoutes(HttpFront *http)
{
    http->route(
            M::Get | M::Head, QStringLiteral("/api/settings"), Access::Admin,
            [this](const HttpRequest &, QHttpServerResponder &r) {
                const Settings &settings = m_server->settings();
                QJsonArray items;
                for (const SettingSpec &s : Settings::specs()) {
                    QJsonObject o {
                            {QStringLiteral("key"), s.key},
                            {QStringLiteral("value"),
                             QJsonValue::fromVariant(settings.value(s.key))},
                            {QStringLiteral("default"), QJsonValue::fromVariant(s.defaultValue)},
                            {QStringLiteral("layer"), Settings::layerName(settings.layerOf(s.key))},
                            {QStringLiteral("type"), s.type == QMetaType::Int
                                                             ? QStringLiteral("int")
                                                             : QStringLiteral("string")},
                            {QStringLiteral("description"), s.description},
                            {QStringLiteral("environment"), s.environmentName()}};
                    if (s.minimum.isValid())
                        o.insert(QStringLiteral("min"), QJsonValue::fromVariant(s.minimum));
                    if (s.maximum.isValid())
                        o.insert(QStringLiteral("max"), QJsonValue::fromVariant(s.maximum));
                    if (!s.choices.isEmpty())
                        o.insert(QStringLiteral("choices"), QJsonArray::fromStringList(s.choices));
                    items.append(o);
                }
                Http::sendJson(r, QJsonObject {{QStringLiteral("items"), items}});
            });

    http->route(
            M::Patch | M::Put, QStringLiteral("/api/settings"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                const auto body = bodyObject(req, r);
                if (!body)
                    return;
                if (body->isEmpty()) {
                    Http::sendError(r, Status::BadRequest,
                                    QStringLiteral("body: no settings given"));
                    return;
                }
                QVariantMap values;
                for (auto it = body->begin(); it != body->end(); ++it) {
                    // JSON booleans, arrays and objects are never a setting's value.
                    if (!it.value().isDouble() && !it.value().isString()) {
                        Http::sendError(
                                r, Status::BadRequest,
                                QStringLiteral("%1: expected a number or a string").arg(it.key()));
                        return;
                    }
                    values.insert(it.key(), it.value().toVariant());
                }
                // Validates every value first, then writes all or none.
                if (const auto error = m_server->updateSettings(values)) {
                    const bool unknownOrBad = error->contains(QLatin1Char(':'))
                                              && !error->startsWith(QLatin1String("cannot save"));
                    if (unknownOrBad)
                        Http::sendError(r, Status::BadRequest, *error);
                    else
                        Http::sendDatabaseError(r, *error);
                    return;
                }
                QJsonObject changed;
                for (auto it = values.cbegin(); it != values.cend(); ++it) {
                    changed.insert(
                            it.key(),
                            QJsonObject {
                                    {QStringLiteral("value"),
                                     QJsonValue::fromVariant(m_server->settings().value(it.key()))},
                                    {QStringLiteral("layer"),
                                     Settings::layerName(m_server->settings().layerOf(it.key()))}});
                }
                Http::sendJson(r, QJsonObject {{QStringLiteral("updated"), changed}});
            });

    http->route(M::Get | M::Head, QStringLiteral("/api/logs/download"), Access::Admin,
                [](const HttpRequest &, QHttpServerResponder &r) {
                    Logger *logger = Logger::instance();
                    const QString path = logger ? logger->filePath() : QString();
                    QFile file(path);
                    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
                        Http::sendError(r, Status::NotFound,
                                        QStringLiteral("no log file is being written"));
                        return;
                    }
                    // The current file only (rotated ones are acehub.log.1 …), its last 16 MiB.
                    constexpr qint64 kMaxBytes = 16 * 1024 * 1024;
                    if (file.size() > kMaxBytes)
                        file.seek(file.size() - kMaxBytes);
                    Http::send(r, Status::Ok, "text/plain; charset=utf-8", file.read(kMaxBytes),
                               {{"Content-Disposition", "attachment; filename=\"acehub.log\""},
                                {"Cache-Control", "no-store"}});
                });
}

// ---- backup, restore, export --------------------------------------------------------------------

void AdminApi::registerBackupRoutes(HttpFront *http)
{
    http->route(M::Get | M::Head, QStringLiteral("/api/backup"), Access::Admin,
                [this](const HttpRequest &, QHttpServerResponder &r) {
                    QString error;
                    const auto backup = CatalogBackup::dump(m_server->database()->connection(),
                                                            m_server->settings().stored(), &error);
                    if (!backup)
                        return dbError(r, error);
                    const QString name = QStringLiteral("acehub-backup-%1.json")
                                                 .arg(QDateTime::currentDateTimeUtc().toString(
                                                         QStringLiteral("yyyyMMdd-HHmmss")));
                    Http::send(r, Status::Ok, "application/json",
                               QJsonDocument(*backup).toJson(QJsonDocument::Compact),
                               {{"Content-Disposition",
                                 "attachment; filename=\"" + name.toLatin1() + "\""},
                                {"Cache-Control", "no-store"}});
                });

    http->route(
            M::Post, QStringLiteral("/api/restore"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                const auto body = bodyObject(req, r);
                if (!body)
                    return;
                if (!m_server->sourceManager()->isIdle()) {
                    Http::sendError(
                            r, Status::Conflict,
                            QStringLiteral("an import is running; restore when it has finished"));
                    return;
                }
                QVariantMap settings;
                QSqlDatabase db = m_server->database()->connection();
                if (const auto error = CatalogBackup::restore(db, *body, &settings)) {
                    Http::sendError(r, Status::BadRequest, *error);
                    return;
                }
                m_server->channelChecker()->clear();
                QJsonObject counts;
                for (const QString &table : CatalogBackup::tables())
                    counts.insert(table, body->value(table).toArray().size());
                qCInfo(lcCatalog) << "Catalog restored from a backup";
                // The restore emptied the guide: fetch it again now, not at the next schedule.
                QSqlQuery guides(db);
                if (guides.exec(QStringLiteral("SELECT id FROM epg_sources WHERE enabled = 1"))) {
                    while (guides.next())
                        m_server->sourceManager()->refresh(SourceManager::Kind::Guide,
                                                           guides.value(0).toInt());
                }
                if (!settings.isEmpty()) {
                    if (const auto error = m_server->updateSettings(settings)) {
                        qCWarning(lcCatalog).noquote()
                                << "Restored the catalog but not the settings:" << *error;
                        const bool busy = Database::isBusy(*error);
                        Http::send(r,
                                   busy ? Status::ServiceUnavailable : Status::InternalServerError,
                                   "application/json",
                                   QJsonDocument(
                                           QJsonObject {{QStringLiteral("error"),
                                                         QStringLiteral("the catalog was restored "
                                                                        "but not the settings: %1")
                                                                 .arg(*error)},
                                                        {QStringLiteral("restored"), counts}})
                                           .toJson(QJsonDocument::Compact),
                                   {{"Cache-Control", "no-store"}});
                        return;
                    }
                }
                Http::sendJson(r, QJsonObject {{QStringLiteral("restored"), counts}});
            });

    http->route(M::Get | M::Head, QStringLiteral("/api/export.m3u"), Access::Admin,
                [this](const HttpRequest &, QHttpServerResponder &r) {
                    Http::send(r, Status::Ok, "audio/x-mpegurl; charset=utf-8",
                               CatalogBackup::exportM3u(m_server->database()->connection(),
                                                        m_server->engine()->baseUrl()),
                               {{"Content-Disposition", "attachment; filename=\"acehub.m3u\""},
                                {"Cache-Control", "no-store"}});
                });
}
