#pragma once

#include <QString>

// The admin password AceHub generated at its first start, kept in a 0600 file of the data
// directory until the user says it is saved (like Jenkins' initialAdminPassword): a start that
// fails, or a window closed too soon, never loses it.
namespace InitialPassword {

QString path(const QString &dataDir);
bool save(const QString &dataDir, const QString &password);
QString load(const QString &dataDir); // empty when there is none
void forget(const QString &dataDir);

} // namespace InitialPassword
