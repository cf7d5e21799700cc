#include "admincredential.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace {

QByteArray randomBytes(int n)
{
    QByteArray bytes(n, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), n / 4);
    return bytes;
}

// Constant-time comparison, so a wrong guess tells nothing about how close it was.
bool equalBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

AdminCredential::Hash AdminCredential::derive(const QString &password, const QByteArray &salt,
                                              int iterations)
{
    Hash h;
    h.salt = salt;
    h.iterations = iterations;
    h.hash = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(), salt,
                                                iterations, 32);
    return h;
}

bool AdminCredential::exists(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT 1 FROM admin_credential WHERE id = 1")) && q.next();
}

std::optional<QString> AdminCredential::set(const QSqlDatabase &db, const QString &password)
{
    if (password.size() < kMinimumLength)
        return QStringLiteral("the password must have at least %1 characters").arg(kMinimumLength);
    const Hash h = derive(password, randomBytes(16), kIterations);
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
            "INSERT INTO admin_credential(id, algorithm, iterations, salt, hash, updated_at)"
            " VALUES (1, 'pbkdf2-sha256', ?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET algorithm = excluded.algorithm,"
            " iterations = excluded.iterations, salt = excluded.salt, hash = excluded.hash,"
            " updated_at = excluded.updated_at"));
    q.addBindValue(h.iterations);
    q.addBindValue(h.salt);
    q.addBindValue(h.hash);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!q.exec())
        return q.lastError().text();
    return std::nullopt;
}

std::optional<AdminCredential::Hash> AdminCredential::load(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT salt, hash, iterations FROM admin_credential WHERE id = 1"))
        || !q.next())
        return std::nullopt;
    return Hash {q.value(0).toByteArray(), q.value(1).toByteArray(), q.value(2).toInt()};
}

bool AdminCredential::verify(const Hash &stored, const QString &password)
{
    return equalBytes(derive(password, stored.salt, stored.iterations).hash, stored.hash);
}

QString AdminCredential::generatePassword(int length)
{
    // No look-alike characters (0/O, 1/l/I): it is read off a terminal and typed by hand.
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    const int n = int(sizeof(alphabet)) - 1;
    QString out;
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(n)]);
    return out;
}
