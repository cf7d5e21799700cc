#pragma once

#include <QSqlDatabase>
#include <QString>

// The admin password AceHub generated at its first start, kept in a 0600 file of the data
// directory (like Jenkins' initialAdminPassword) until the desktop panel's user says it is
// saved or the password is changed: a start that fails, a window closed too soon or a daemon's
// output scrolled away never loses it. The Server writes it; the faces say where it is.
namespace InitialPassword {

QString path(const QString &dataDir);
bool save(const QString &dataDir, const QString &password);
QString load(const QString &dataDir); // empty when there is none
void forget(const QString &dataDir);
// Forgets a kept password that is no longer the admin password (it was changed meanwhile).
void forgetIfStale(const QString &dataDir, const QSqlDatabase &db);

} // namespace InitialPassword
