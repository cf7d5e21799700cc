#include "apiinput.h"

#include "catalog/sourcemanager.h"
#include "http/httpfront.h"
#include "http/httputil.h"
#include "log/logger.h"
#include "storage/database.h"
#include "storage/storeresult.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace Api {

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
                                   const QStringList &required)
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

bool requireJson(const HttpRequest &req, QHttpServerResponder &r)
{
    const QByteArray type = req.http.value("Content-Type").toLower(); // case-insensitive
    if (type.split(';').constFirst().trimmed() == "application/json")
        return true;
    Http::sendError(r, Http::Status::UnsupportedMediaType,
                    QStringLiteral("content-type: expected application/json"));
    return false;
}

std::optional<QJsonObject> parseObject(const QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("body: not valid JSON (%1 at offset %2)")
                         .arg(parseError.errorString())
                         .arg(parseError.offset);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("body: expected a JSON object");
        return std::nullopt;
    }
    return doc.object();
}

std::optional<QJsonObject> jsonBody(const HttpRequest &req, QHttpServerResponder &r,
                                    bool emptyIsObject)
{
    const QByteArray body = req.http.body();
    if (emptyIsObject && body.trimmed().isEmpty())
        return QJsonObject();
    if (!requireJson(req, r))
        return std::nullopt;
    QString error;
    auto object = parseObject(body, &error);
    if (!object)
        Http::sendError(r, Http::Status::BadRequest, error);
    return object;
}

bool badRequest(QHttpServerResponder &r, const std::optional<QString> &error)
{
    if (!error)
        return false;
    Http::sendError(r, Http::Status::BadRequest, *error);
    return true;
}

std::optional<QString> checkQueryNames(const QUrlQuery &query, const QStringList &known)
{
    for (const auto &item : query.queryItems()) {
        if (!known.contains(item.first))
            return QStringLiteral("%1: unknown query parameter").arg(item.first);
    }
    return std::nullopt;
}

std::optional<Query> Query::check(const HttpRequest &req, QHttpServerResponder &r,
                                  const QStringList &known)
{
    QUrlQuery query = req.query();
    if (badRequest(r, checkQueryNames(query, known)))
        return std::nullopt;
    return Query(std::move(query));
}

QString Query::text(const QString &name) const
{
    return m_query.queryItemValue(name, QUrl::FullyDecoded);
}

bool Query::integer(QHttpServerResponder &r, const QString &name, qint64 min, qint64 max,
                    qint64 *out) const
{
    if (!has(name) || Http::parseInt(text(name), min, max, out))
        return true;
    Http::sendError(r, Http::Status::BadRequest,
                    max == std::numeric_limits<int>::max()
                            ? QStringLiteral("%1: expected a number from %2").arg(name).arg(min)
                            : QStringLiteral("%1: expected a number from %2 to %3")
                                      .arg(name)
                                      .arg(min)
                                      .arg(max));
    return false;
}

bool Query::boolean(QHttpServerResponder &r, const QString &name, bool *out) const
{
    if (!has(name))
        return true;
    const QString t = text(name);
    if (t == QLatin1String("true") || t == QLatin1String("1"))
        *out = true;
    else if (t == QLatin1String("false") || t == QLatin1String("0"))
        *out = false;
    else
        return !badRequest(r, QStringLiteral("%1: expected true or false").arg(name));
    return true;
}

bool Query::search(QHttpServerResponder &r, const QString &name, QString *out) const
{
    *out = text(name);
    if (out->size() <= kMaxSearchLength)
        return true;
    return !badRequest(r,
                       QStringLiteral("%1: at most %2 characters").arg(name).arg(kMaxSearchLength));
}

std::optional<int> pathId(const HttpRequest &req, QHttpServerResponder &r, const char *what)
{
    bool ok = false;
    const int id = req.arg(QStringLiteral("id")).toInt(&ok);
    if (!ok || id <= 0) {
        Http::sendError(r, Http::Status::NotFound,
                        QStringLiteral("no such %1: %2")
                                .arg(QLatin1String(what), req.arg(QStringLiteral("id"))));
        return std::nullopt;
    }
    return id;
}

void notFound(QHttpServerResponder &r, const char *what, qint64 id)
{
    Http::sendError(r, Http::Status::NotFound,
                    QStringLiteral("no such %1: %2").arg(QLatin1String(what)).arg(id));
}

Answer Answer::json(const QJsonValue &value, int status)
{
    return {status,
            value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact),
            {}};
}

Answer Answer::error(int status, const QString &message)
{
    return json(QJsonObject {{QStringLiteral("error"), message}}, status);
}

Answer Answer::failed(const StoreResult &result, const char *what, qint64 id)
{
    switch (result.code) {
    case StoreResult::Code::Ok:
        break;
    case StoreResult::Code::NotFound:
        return error(404, QStringLiteral("no such %1: %2").arg(QLatin1String(what)).arg(id));
    case StoreResult::Code::Invalid:
        return error(400, result.error);
    case StoreResult::Code::Conflict:
        return error(409, result.error);
    case StoreResult::Code::Failed:
        return databaseError(result.error);
    }
    return json(QJsonObject {});
}

QJsonObject Answer::object() const
{
    return QJsonDocument::fromJson(body).object();
}

void send(DeferredReply &reply, const Answer &answer)
{
    if (!answer.dbError.isEmpty()) {
        qCWarning(lcCatalog).noquote() << "Database error in the admin API:" << answer.dbError;
        reply.sendDatabaseError(QStringLiteral("database error: %1").arg(answer.dbError));
        return;
    }
    reply.send(answer.status, "application/json", answer.body, {{"Cache-Control", "no-store"}});
}

void dbError(QHttpServerResponder &r, const QString &error)
{
    qCWarning(lcCatalog).noquote() << "Database error in the admin API:" << error;
    Http::sendDatabaseError(r, QStringLiteral("database error: %1").arg(error));
}

QVariant nullOr(const QJsonValue &v)
{
    return Database::bindValue(v);
}

QJsonValue nullable(const QVariant &v)
{
    return Database::jsonValue(v);
}

QJsonValue isoTime(const QVariant &secs)
{
    return Database::isoTime(secs);
}

std::optional<Edit> editRequest(const HttpRequest &req, QHttpServerResponder &r, const char *what,
                                const QList<Field> &fields)
{
    const auto id = pathId(req, r, what);
    if (!id)
        return std::nullopt;
    auto body = jsonBody(req, r);
    if (!body || badRequest(r, checkObject(*body, fields)))
        return std::nullopt;
    return Edit {*id, std::move(*body)};
}

void sendFound(QHttpServerResponder &r, const std::optional<QJsonObject> &object, const char *what,
               qint64 id)
{
    if (object)
        Http::sendJson(r, *object);
    else
        notFound(r, what, id);
}

bool storeFailed(QHttpServerResponder &r, const StoreResult &result, const char *what, qint64 id)
{
    switch (result.code) {
    case StoreResult::Code::Ok:
        return false;
    case StoreResult::Code::NotFound:
        notFound(r, what, id);
        break;
    case StoreResult::Code::Invalid:
        Http::sendError(r, Http::Status::BadRequest, result.error);
        break;
    case StoreResult::Code::Conflict:
        Http::sendError(r, Http::Status::Conflict, result.error);
        break;
    case StoreResult::Code::Failed:
        dbError(r, result.error);
        break;
    }
    return true;
}

} // namespace Api
