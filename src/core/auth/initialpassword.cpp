#include "initialpassword.h"

#include "admincredential.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace InitialPassword {

QString path(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("initial-admin-password"));
}

bool save(const QString &dataDir, const QString &password)
{
    QDir().mkpath(dataDir);
    QSaveFile file(path(dataDir));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    // Owner only, before anything is written.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(password.toUtf8() + '\n');
    return file.commit();
}

QString load(const QString &dataDir)
{
    QFile file(path(dataDir));
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll()).trimmed();
}

void forget(const QString &dataDir)
{
    QFile::remove(path(dataDir));
}

void forgetIfStale(const QString &dataDir, const QSqlDatabase &db)
{
    const QString kept = load(dataDir);
    if (kept.isEmpty())
        return;
    const auto stored = AdminCredential::load(db);
    if (!stored || !AdminCredential::verify(*stored, kept))
        forget(dataDir);
}

} // namespace InitialPassword
