#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <optional>

// The admin password of the dashboard and the /api routes. Only a salted PBKDF2-HMAC-SHA256
// hash is stored (table admin_credential); there is no built-in default password.
class AdminCredential final
{
public:
    static constexpr int kIterations = 60000;
    static constexpr int kMinimumLength = 8;

    struct Hash
    {
        QByteArray salt;
        QByteArray hash;
        int iterations = kIterations;
    };

    static bool exists(const QSqlDatabase &db);
    // Stores a new password; returns the reason when it is refused or cannot be written.
    static std::optional<QString> set(const QSqlDatabase &db, const QString &password);
    static std::optional<Hash> load(const QSqlDatabase &db);
    // Costs one PBKDF2 derivation (tens of ms): callers on the server thread cache results.
    static bool verify(const Hash &stored, const QString &password);

    static Hash derive(const QString &password, const QByteArray &salt, int iterations);
    static QString generatePassword(int length = 20);
};
