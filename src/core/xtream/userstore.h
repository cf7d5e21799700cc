#pragma once

#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QString>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcPlayers)

// One Xtream Codes account, as the users and user_categories tables hold it.
struct XtreamUser
{
    enum class Status { Active, Disabled, Expired };

    qint64 id = 0;
    QString username;
    QString password;
    bool enabled = true;
    std::optional<qint64> expiresAt; // UTC seconds; none: never expires
    int maxConnections = 1;
    qint64 createdAt = 0;
    QList<qint64> categoryIds; // empty: every category
    bool replaceOldest = false; // over the limit, end this user's oldest stream instead of refusing

    Status status(qint64 now) const;
    static QString statusName(Status status); // the Xtream spelling: Active, Disabled, Expired
    // The admin API's view (password included: the Xtream protocol needs it in clear), times
    // in ISO 8601 UTC.
    QJsonObject toJson() const;
};

// Xtream accounts in SQLite: lookup for the player routes, validated CRUD for /api/users.
class UserStore final
{
public:
    struct Result
    {
        std::optional<XtreamUser> user;
        int httpStatus = 200; // 400 bad input, 404 unknown id, 409 username taken, 500 storage
        QString error; // names the field
    };

    static QList<XtreamUser> list(const QSqlDatabase &db);
    static std::optional<XtreamUser> byId(const QSqlDatabase &db, qint64 id);
    // The account with exactly this username and password, whatever its status.
    static std::optional<XtreamUser> authenticate(const QSqlDatabase &db, const QString &username,
                                                  const QString &password);

    // body: {"username", "password", "enabled", "expires_at" (ISO 8601 with an offset, or
    // null), "max_connections", "categories", "replace_oldest"}; username and password are required
    // to create, everything is optional to update. All fields are checked before anything is
    // written.
    static Result create(const QSqlDatabase &db, const QJsonObject &body, qint64 now);
    static Result update(const QSqlDatabase &db, qint64 id, const QJsonObject &body);
    static Result remove(const QSqlDatabase &db, qint64 id);

private:
    static std::optional<QString> apply(const QSqlDatabase &db, const QJsonObject &body,
                                        XtreamUser *user);
    static Result save(const QSqlDatabase &db, const XtreamUser &user, bool insert);
};
