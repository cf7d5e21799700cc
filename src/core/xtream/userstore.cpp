#include "userstore.h"

#include "storage/database.h"
#include "storage/writetransaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcPlayers, "acehub.players")

namespace {

constexpr int kMaxConnectionsLimit = 100;

const char *const kSelect = "SELECT id, username, password, enabled, expires_at, max_connections,"
                            " created_at, replace_oldest FROM users";

XtreamUser readUser(const QSqlQuery &q)
{
    XtreamUser u;
    u.id = q.value(0).toLongLong();
    u.username = q.value(1).toString();
    u.password = q.value(2).toString();
    u.enabled = q.value(3).toInt() != 0;
    if (!q.value(4).isNull())
        u.expiresAt = q.value(4).toLongLong();
    u.maxConnections = q.value(5).toInt();
    u.createdAt = q.value(6).toLongLong();
    u.replaceOldest = q.value(7).toInt() != 0;
    return u;
}

void loadCategories(const QSqlDatabase &db, XtreamUser *user)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
            "SELECT category_id FROM user_categories WHERE user_id = ? ORDER BY category_id"));
    q.addBindValue(user->id);
    q.exec();
    user->categoryIds.clear();
    while (q.next())
        user->categoryIds.append(q.value(0).toLongLong());
}

// Usernames and passwords travel in URL paths (/live/U/P/42.ts): no slashes, spaces or controls.
std::optional<QString> checkCredential(const QString &field, const QJsonValue &v)
{
    static const QRegularExpression bad(QStringLiteral("[/\\s\\x00-\\x1f\\x7f]"));
    if (!v.isString())
        return QStringLiteral("%1: expected a string").arg(field);
    const QString s = v.toString();
    if (s.isEmpty() || s.size() > 64)
        return QStringLiteral("%1: must be 1 to 64 characters").arg(field);
    if (s.contains(bad))
        return QStringLiteral("%1: must not contain '/', spaces or control characters").arg(field);
    return std::nullopt;
}

// An ISO 8601 time with its offset ("Z" or "+01:00"), as epoch seconds. Numbers and times
// without an offset are refused: the admin API speaks ISO 8601 UTC only, and a time without an
// offset would silently be read in the server's time zone.
std::optional<qint64> parseUtcTime(const QJsonValue &v)
{
    if (!v.isString())
        return std::nullopt;
    const QDateTime at = QDateTime::fromString(v.toString().trimmed(), Qt::ISODateWithMs);
    if (!at.isValid() || at.timeSpec() == Qt::LocalTime || at.toSecsSinceEpoch() <= 0)
        return std::nullopt;
    return at.toSecsSinceEpoch();
}

bool isWholeNumber(const QJsonValue &v)
{
    return v.isDouble() && v.toDouble() == double(qint64(v.toDouble()));
}

} // namespace

XtreamUser::Status XtreamUser::status(qint64 now) const
{
    if (!enabled)
        return Status::Disabled;
    if (expiresAt && *expiresAt <= now)
        return Status::Expired;
    return Status::Active;
}

QString XtreamUser::statusName(Status status)
{
    switch (status) {
    case Status::Active:
        return QStringLiteral("Active");
    case Status::Disabled:
        return QStringLiteral("Disabled");
    case Status::Expired:
        return QStringLiteral("Expired");
    }
    return {};
}

QJsonObject XtreamUser::toJson() const
{
    QJsonArray categories;
    for (qint64 id : categoryIds)
        categories.append(id);
    return {
            {QStringLiteral("id"), id},
            {QStringLiteral("username"), username},
            {QStringLiteral("password"), password},
            {QStringLiteral("enabled"), enabled},
            {QStringLiteral("expires_at"),
             expiresAt ? Database::isoTime(*expiresAt) : QJsonValue()},
            {QStringLiteral("max_connections"), maxConnections},
            {QStringLiteral("created_at"), Database::isoTime(createdAt)},
            {QStringLiteral("categories"), categories},
            {QStringLiteral("replace_oldest"), replaceOldest},
    };
}

QList<XtreamUser> UserStore::list(const QSqlDatabase &db)
{
    QList<XtreamUser> out;
    QSqlQuery q(db);
    q.exec(QLatin1String(kSelect) + QStringLiteral(" ORDER BY username"));
    while (q.next())
        out.append(readUser(q));
    for (XtreamUser &u : out)
        loadCategories(db, &u);
    return out;
}

std::optional<XtreamUser> UserStore::byId(const QSqlDatabase &db, qint64 id)
{
    QSqlQuery q(db);
    q.prepare(QLatin1String(kSelect) + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    XtreamUser u = readUser(q);
    loadCategories(db, &u);
    return u;
}

std::optional<XtreamUser> UserStore::authenticate(const QSqlDatabase &db, const QString &username,
                                                  const QString &password)
{
    if (username.isEmpty() || password.isEmpty())
        return std::nullopt;
    QSqlQuery q(db);
    // SQLite's = on TEXT is case-sensitive (BINARY collation): credentials match exactly.
    q.prepare(QLatin1String(kSelect) + QStringLiteral(" WHERE username = ? AND password = ?"));
    q.addBindValue(username);
    q.addBindValue(password);
    if (!q.exec() || !q.next())
        return std::nullopt;
    XtreamUser u = readUser(q);
    loadCategories(db, &u);
    return u;
}

std::optional<QString> UserStore::apply(const QSqlDatabase &db, const QJsonObject &body,
                                        XtreamUser *user)
{
    static const QSet<QString> known {
            QStringLiteral("username"),        QStringLiteral("password"),
            QStringLiteral("enabled"),         QStringLiteral("expires_at"),
            QStringLiteral("max_connections"), QStringLiteral("categories"),
            QStringLiteral("replace_oldest"),
    };
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!known.contains(it.key()))
            return QStringLiteral("%1: unknown field").arg(it.key());
    }
    for (const QString &field : {QStringLiteral("username"), QStringLiteral("password")}) {
        if (!body.contains(field))
            continue;
        if (auto error = checkCredential(field, body.value(field)))
            return error;
    }
    if (body.contains(QLatin1String("username")))
        user->username = body.value(QLatin1String("username")).toString();
    if (body.contains(QLatin1String("password")))
        user->password = body.value(QLatin1String("password")).toString();
    for (const QString &field : {QStringLiteral("enabled"), QStringLiteral("replace_oldest")}) {
        if (body.contains(field) && !body.value(field).isBool())
            return QStringLiteral("%1: expected true or false").arg(field);
    }
    if (body.contains(QLatin1String("enabled")))
        user->enabled = body.value(QLatin1String("enabled")).toBool();
    if (body.contains(QLatin1String("replace_oldest")))
        user->replaceOldest = body.value(QLatin1String("replace_oldest")).toBool();
    if (body.contains(QLatin1String("expires_at"))) {
        const QJsonValue v = body.value(QLatin1String("expires_at"));
        if (v.isNull()) {
            user->expiresAt.reset();
        } else if (const auto at = parseUtcTime(v)) {
            user->expiresAt = *at;
        } else {
            return QStringLiteral("expires_at: expected null or an ISO 8601 UTC time such as "
                                  "2026-11-21T17:00:00Z");
        }
    }
    if (body.contains(QLatin1String("max_connections"))) {
        const QJsonValue v = body.value(QLatin1String("max_connections"));
        if (!isWholeNumber(v) || v.toDouble() < 1 || v.toDouble() > kMaxConnectionsLimit)
            return QStringLiteral("max_connections: expected a whole number from 1 to %1")
                    .arg(kMaxConnectionsLimit);
        user->maxConnections = int(v.toDouble());
    }
    if (body.contains(QLatin1String("categories"))) {
        const QJsonValue v = body.value(QLatin1String("categories"));
        if (!v.isArray())
            return QStringLiteral("categories: expected an array of category ids");
        QList<qint64> ids;
        for (const QJsonValue &item : v.toArray()) {
            if (!isWholeNumber(item))
                return QStringLiteral("categories: expected an array of category ids");
            const qint64 id = qint64(item.toDouble());
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT 1 FROM categories WHERE id = ?"));
            q.addBindValue(id);
            if (!q.exec() || !q.next())
                return QStringLiteral("categories: no category with id %1").arg(id);
            if (!ids.contains(id))
                ids.append(id);
        }
        std::sort(ids.begin(), ids.end());
        user->categoryIds = ids;
    }
    return std::nullopt;
}

UserStore::Result UserStore::save(const QSqlDatabase &db, const XtreamUser &user, bool insert)
{
    Result result;
    QSqlDatabase conn = db;
    {
        QSqlQuery q(conn);
        q.prepare(QStringLiteral("SELECT id FROM users WHERE username = ? AND id != ?"));
        q.addBindValue(user.username);
        q.addBindValue(user.id);
        if (q.exec() && q.next()) {
            result.httpStatus = 409;
            result.error = QStringLiteral("username: %1 is already taken").arg(user.username);
            return result;
        }
    }
    WriteTransaction tx(conn);
    if (!tx.isOpen()) {
        result.httpStatus = 500;
        result.error = tx.error().text();
        return result;
    }
    auto failed = [&](const QSqlQuery &q) {
        result.httpStatus = 500;
        result.error = QStringLiteral("cannot save the user: %1").arg(q.lastError().text());
        return result;
    };
    QSqlQuery q(conn);
    if (insert) {
        q.prepare(QStringLiteral("INSERT INTO users (username, password, enabled, expires_at,"
                                 " max_connections, created_at, replace_oldest)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    } else {
        q.prepare(QStringLiteral("UPDATE users SET username = ?, password = ?, enabled = ?,"
                                 " expires_at = ?, max_connections = ?, created_at = ?,"
                                 " replace_oldest = ? WHERE id = ?"));
    }
    q.addBindValue(user.username);
    q.addBindValue(user.password);
    q.addBindValue(user.enabled ? 1 : 0);
    q.addBindValue(user.expiresAt ? QVariant(*user.expiresAt)
                                  : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(user.maxConnections);
    q.addBindValue(user.createdAt);
    q.addBindValue(user.replaceOldest ? 1 : 0);
    if (!insert)
        q.addBindValue(user.id);
    if (!q.exec())
        return failed(q);
    const qint64 id = insert ? q.lastInsertId().toLongLong() : user.id;
    QSqlQuery del(conn);
    del.prepare(QStringLiteral("DELETE FROM user_categories WHERE user_id = ?"));
    del.addBindValue(id);
    if (!del.exec())
        return failed(del);
    for (qint64 category : user.categoryIds) {
        QSqlQuery ins(conn);
        ins.prepare(
                QStringLiteral("INSERT INTO user_categories (user_id, category_id) VALUES (?, ?)"));
        ins.addBindValue(id);
        ins.addBindValue(category);
        if (!ins.exec())
            return failed(ins);
    }
    if (!tx.commit()) {
        result.httpStatus = 500;
        result.error = tx.error().text();
        return result;
    }
    result.user = byId(conn, id);
    return result;
}

UserStore::Result UserStore::create(const QSqlDatabase &db, const QJsonObject &body, qint64 now)
{
    Result result;
    for (const QString &field : {QStringLiteral("username"), QStringLiteral("password")}) {
        if (!body.contains(field)) {
            result.httpStatus = 400;
            result.error = QStringLiteral("%1: required").arg(field);
            return result;
        }
    }
    XtreamUser user;
    user.createdAt = now;
    if (auto error = apply(db, body, &user)) {
        result.httpStatus = 400;
        result.error = *error;
        return result;
    }
    return save(db, user, true);
}

UserStore::Result UserStore::update(const QSqlDatabase &db, qint64 id, const QJsonObject &body)
{
    Result result;
    std::optional<XtreamUser> user = byId(db, id);
    if (!user) {
        result.httpStatus = 404;
        result.error = QStringLiteral("no user with id %1").arg(id);
        return result;
    }
    if (auto error = apply(db, body, &*user)) {
        result.httpStatus = 400;
        result.error = *error;
        return result;
    }
    return save(db, *user, false);
}

UserStore::Result UserStore::remove(const QSqlDatabase &db, qint64 id)
{
    Result result;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM users WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        result.httpStatus = 500;
        result.error = q.lastError().text();
    } else if (q.numRowsAffected() == 0) {
        result.httpStatus = 404;
        result.error = QStringLiteral("no user with id %1").arg(id);
    }
    return result;
}
