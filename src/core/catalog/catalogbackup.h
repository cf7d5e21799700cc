#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

// The catalog, users and settings as one JSON document, and back; every channel as M3U.
// Tables are copied column by column as the schema has them, so a later migration's columns
// travel too. The guide's programmes are not included: the EPG sources bring them back.
class CatalogBackup final
{
public:
    static constexpr const char *kFormat = "acehub-backup";
    static constexpr int kVersion = 1;

    // Tables in the order a restore inserts them (parents first).
    static QStringList tables();

    static std::optional<QJsonObject> dump(const QSqlDatabase &db,
                                           const QVariantMap &storedSettings, QString *error);
    // Checks the whole document first (format, tables, known columns, settings), then replaces
    // the tables in one transaction: nothing is changed on any error. *settings receives the
    // validated settings for Server::updateSettings.
    static std::optional<QString> restore(QSqlDatabase db, const QJsonObject &backup,
                                          QVariantMap *settings);

    // The enabled guide sources (to fetch again after a restore).
    static QList<int> enabledGuideSources(const QSqlDatabase &db);

    // Every channel (hidden and inactive too) with its effective values, re-importable.
    // Infohash-only channels point at the engine's getstream URL under engineBase.
    static QByteArray exportM3u(const QSqlDatabase &db, const QUrl &engineBase);
};
