#include "backuproutes.h"

#include "catalog/catalogbackup.h"
#include "catalog/channelchecker.h"
#include "catalog/sourcemanager.h"
#include "engine/aceengine.h"
#include "http/api/apiinput.h"
#include "http/httpfront.h"
#include "http/httputil.h"
#include "storage/database.h"
#include "storage/settings.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace {
using M = HttpFront::Method;
using Access = HttpFront::Access;
using Status = Http::Status;
using namespace Api;
} // namespace

BackupRoutes::BackupRoutes(HttpFront *http, Database *db, const Settings *settings,
                           Api::SettingsWriter writeSettings, SourceManager *sources,
                           ChannelChecker *checker, AceEngine *engine)
    : QObject(http), m_db(db), m_settings(settings), m_writeSettings(std::move(writeSettings)),
      m_sources(sources), m_checker(checker), m_engine(engine)
{
    http->route(M::Get | M::Head, QStringLiteral("/api/backup"), Access::Admin,
                [this](const HttpRequest &, QHttpServerResponder &r) {
                    QString error;
                    const auto backup = CatalogBackup::dump(m_db->connection(),
                                                            (*m_settings).stored(), &error);
                    if (!backup)
                        return dbError(r, error);
                    const QString name = QStringLiteral("acehub-backup-%1.json")
                                                 .arg(QDateTime::currentDateTimeUtc().toString(
                                                         QStringLiteral("yyyyMMdd-HHmmss")));
                    Http::send(r, Status::Ok, "application/json",
                               QJsonDocument(*backup).toJson(QJsonDocument::Compact),
                               {{"Content-Disposition",
                                 "attachment; filename=\"" + name.toLatin1() + "\""},
                                {"Cache-Control", "no-store"}});
                });

    http->route(
            M::Post, QStringLiteral("/api/restore"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                const auto body = jsonBody(req, r);
                if (!body)
                    return;
                if (!m_sources->isIdle()) {
                    Http::sendError(
                            r, Status::Conflict,
                            QStringLiteral("an import is running; restore when it has finished"));
                    return;
                }
                QVariantMap settings;
                QSqlDatabase db = m_db->connection();
                if (const auto error = CatalogBackup::restore(db, *body, &settings)) {
                    Http::sendError(r, Status::BadRequest, *error);
                    return;
                }
                m_checker->clear();
                QJsonObject counts;
                for (const QString &table : CatalogBackup::tables())
                    counts.insert(table, body->value(table).toArray().size());
                qCInfo(lcCatalog) << "Catalog restored from a backup";
                // The restore emptied the guide: fetch it again now, not at the next schedule.
                QSqlQuery guides(db);
                if (guides.exec(QStringLiteral("SELECT id FROM epg_sources WHERE enabled = 1"))) {
                    while (guides.next())
                        m_sources->refresh(SourceManager::Kind::Guide, guides.value(0).toInt());
                }
                if (!settings.isEmpty()) {
                    if (const auto error = m_writeSettings(settings)) {
                        qCWarning(lcCatalog).noquote()
                                << "Restored the catalog but not the settings:" << *error;
                        const bool busy = Database::isBusy(*error);
                        Http::send(r,
                                   busy ? Status::ServiceUnavailable : Status::InternalServerError,
                                   "application/json",
                                   QJsonDocument(
                                           QJsonObject {{QStringLiteral("error"),
                                                         QStringLiteral("the catalog was restored "
                                                                        "but not the settings: %1")
                                                                 .arg(*error)},
                                                        {QStringLiteral("restored"), counts}})
                                           .toJson(QJsonDocument::Compact),
                                   {{"Cache-Control", "no-store"}});
                        return;
                    }
                }
                Http::sendJson(r, QJsonObject {{QStringLiteral("restored"), counts}});
            });

    http->route(M::Get | M::Head, QStringLiteral("/api/export.m3u"), Access::Admin,
                [this](const HttpRequest &, QHttpServerResponder &r) {
                    Http::send(r, Status::Ok, "audio/x-mpegurl; charset=utf-8",
                               CatalogBackup::exportM3u(m_db->connection(), m_engine->baseUrl()),
                               {{"Content-Disposition", "attachment; filename=\"acehub.m3u\""},
                                {"Cache-Control", "no-store"}});
                });
}
