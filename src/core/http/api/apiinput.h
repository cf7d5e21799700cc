#pragma once

#include "http/deferredreply.h"
#include "storage/background.h"
#include "storage/database.h"

#include <QHttpServerResponder>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <QUrlQuery>
#include <QVariant>
#include <functional>
#include <optional>

struct StoreResult;
class Database;
class QSqlDatabase;
struct HttpRequest;

// What every admin route class uses to read its input and answer the common errors: the one
// JSON body parser, the one query validator, path ids and the database-error answers. Every
// check answers itself (400, 404, 415 …) and returns nothing, so a route reads
//     const auto body = Api::jsonBody(req, r); if (!body) return;
namespace Api {

// ---- JSON bodies --------------------------------------------------------------------------------

enum class Type { String, Int, Bool, IntList };

struct Field
{
    const char *name;
    Type type;
    bool nullable = false;
    qint64 min = 0; // Int: value; String: length; IntList: each value
    qint64 max = 0;
};

// The request's JSON object body. 415 unless Content-Type is application/json (a form on
// another site can only send text/plain, form or multipart bodies), 400 naming `body` when it
// is not JSON or not an object. emptyIsObject: an empty body reads as {} (no type needed).
std::optional<QJsonObject> jsonBody(const HttpRequest &req, QHttpServerResponder &r,
                                    bool emptyIsObject = false);

// Unknown fields, wrong types, out-of-range values and missing required fields, in that order;
// the message starts with the field's name.
std::optional<QString> checkObject(const QJsonObject &o, const QList<Field> &fields,
                                   const QStringList &required = {});
std::optional<QString> checkValue(const QString &name, const QJsonValue &v, const Field &f);

// Unknown query parameter names are refused like unknown JSON fields.
std::optional<QString> checkQueryNames(const QUrlQuery &query, const QStringList &known);

// Sends 400 with the error when there is one; true when it did.
bool badRequest(QHttpServerResponder &r, const std::optional<QString> &error);

// ---- query parameters ---------------------------------------------------------------------------

// The longest search term a route accepts (SQLite's LIKE refuses long patterns; no person types
// more).
constexpr int kMaxSearchLength = 200;

// A request's query, checked against the names a route knows: an unknown name is a 400 naming
// it, like an unknown JSON field. The typed readers answer 400 themselves on a bad value.
class Query final
{
public:
    static std::optional<Query> check(const HttpRequest &req, QHttpServerResponder &r,
                                      const QStringList &known);

    bool has(const QString &name) const { return m_query.hasQueryItem(name); }
    QString text(const QString &name) const;
    // *out keeps its default when the parameter is absent; false when it answered 400.
    bool integer(QHttpServerResponder &r, const QString &name, qint64 min, qint64 max,
                 qint64 *out) const;
    bool boolean(QHttpServerResponder &r, const QString &name, bool *out) const;
    // A search term of at most kMaxSearchLength characters ("" when absent).
    bool search(QHttpServerResponder &r, const QString &name, QString *out) const;

private:
    explicit Query(QUrlQuery query) : m_query(std::move(query)) { }
    QUrlQuery m_query;
};

// ---- paths and errors ---------------------------------------------------------------------------

// The path's {id}: a positive integer, else 404 naming what (no such resource can have it).
std::optional<int> pathId(const HttpRequest &req, QHttpServerResponder &r, const char *what);
void notFound(QHttpServerResponder &r, const char *what, qint64 id);

// A failed database statement: logged, then 503 + Retry-After while an import holds the lock,
// else 500.
void dbError(QHttpServerResponder &r, const QString &error);

// ---- JSON values --------------------------------------------------------------------------------

// A body value as a bind value: null (or absent) -> NULL, strings trimmed, booleans as 0/1.
QVariant nullOr(const QJsonValue &v);
// A column as JSON: NULL -> null.
QJsonValue nullable(const QVariant &v);
// Epoch seconds as ISO 8601 UTC ("2026-11-21T17:00:00Z"), NULL -> null.
QJsonValue isoTime(const QVariant &secs);

// ---- work off the server thread -----------------------------------------------------------------

// Runs work() on pool (at a lower CPU priority: storage/background.h), then then(result) on
// context's thread (the server's). The owner of pool
// waits for it in its destructor (before context goes), so context outlives every task. With a
// DeferredReply that answers in then, this is how a route's slow part leaves the server thread.
template<typename Work, typename Then>
void offThread(QThreadPool *pool, QObject *context, Work work, Then then)
{
    pool->start([context, work = std::move(work), then = std::move(then)]() mutable {
        Background::lowerThisThread();
        auto result = work();
        QMetaObject::invokeMethod(
                context,
                [then = std::move(then), result = std::move(result)]() mutable {
                    then(std::move(result));
                },
                Qt::QueuedConnection);
    });
}

// offThread with the worker thread's own database connection: work(connection). SQLite
// connections belong to one thread; the worker's is dropped once work is done.
template<typename Work, typename Then>
void onWorker(QThreadPool *pool, Database *db, QObject *context, Work work, Then then)
{
    offThread(
            pool, context,
            [db, work = std::move(work)]() mutable {
                auto result = work(db->connection());
                db->releaseThreadConnection();
                return result;
            },
            std::move(then));
}

// What a route's worker part answers: JSON serialized on the worker, an error, or a failed
// statement (503 + Retry-After while an import holds the lock, else 500).
struct Answer
{
    int status = 200;
    QByteArray body;
    QString dbError;

    static Answer json(const QJsonValue &value, int status = 200);
    static Answer error(int status, const QString &message);
    static Answer databaseError(const QString &error) { return {500, {}, error}; }
    // A store's result that is not Ok, as storeFailed answers it (404 naming what, 400, 409,
    // the database error).
    static Answer failed(const StoreResult &result, const char *what, qint64 id);
    bool ok() const { return dbError.isEmpty() && status < 400; }
    // The body as a JSON object (what a created or edited row's answer holds).
    QJsonObject object() const;
};
void send(DeferredReply &reply, const Answer &answer);

// The one way a route's catalog-sized work leaves the server thread: the route checks its
// input on the server thread, then answerOnWorker runs work(the worker's connection) -> Answer
// on pool and sends that answer later, in order with anything pipelined behind the request.
// done(answer), if given, runs on the server thread just before it is sent (events, refreshes).
template<typename Work, typename Done>
void answerOnWorker(const HttpRequest &req, QThreadPool *pool, Database *db, QObject *context,
                    Work work, Done done)
{
    DeferredReply reply(req);
    onWorker(pool, db, context, std::move(work),
             [reply, done = std::move(done)](Answer answer) mutable {
                 done(answer);
                 send(reply, answer);
             });
}
template<typename Work>
void answerOnWorker(const HttpRequest &req, QThreadPool *pool, Database *db, QObject *context,
                    Work work)
{
    answerOnWorker(req, pool, db, context, std::move(work), [](const Answer &) {});
}

// The request's body as a JSON object, for a worker: the Content-Type check (415) stays on the
// server thread (requireJson), the parse of a large body runs off it (parseObject).
bool requireJson(const HttpRequest &req, QHttpServerResponder &r);
std::optional<QJsonObject> parseObject(const QByteArray &body, QString *error);

// Validates and stores settings (all or none); the error names the key. Server::updateSettings.
using SettingsWriter = std::function<std::optional<QString>(const QVariantMap &)>;

// ---- the by-id routes and the stores' answers ---------------------------------------------------

// PATCH/PUT /api/<area>/{id}: the path's id (404 naming what) and the JSON body checked against
// fields (415, 400 naming the field). Whether the row exists is the store's answer.
struct Edit
{
    int id = 0;
    QJsonObject body;
};
std::optional<Edit> editRequest(const HttpRequest &req, QHttpServerResponder &r, const char *what,
                                const QList<Field> &fields);
// GET /api/<area>/{id}: the object, or 404 naming what.
void sendFound(QHttpServerResponder &r, const std::optional<QJsonObject> &object, const char *what,
               qint64 id);
// A store's result that is not Ok, answered: 404 naming what, 400, 409, 503 while an import holds
// the lock, else 500. False (nothing sent) when it is Ok.
bool storeFailed(QHttpServerResponder &r, const StoreResult &result, const char *what, qint64 id);

} // namespace Api
