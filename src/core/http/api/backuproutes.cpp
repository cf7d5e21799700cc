#include "backuproutes.h"

#include "catalog/catalogbackup.h"
#include "catalog/channelchecker.h"
#include "catalog/sourcemanager.h"
#include "engine/aceengine.h"
#include "http/api/apiinput.h"
#include "http/deferredreply.h"
#include "http/httpfront.h"
#include "http/httputil.h"
#include "storage/database.h"
#include "storage/settings.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

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
    // A backup, a restore and an export grow with the catalog: each runs on the worker (one at
    // a time, so a restore never overlaps a backup) and answers when done.
    m_workers.setMaxThreadCount(1);

    http->route(M::Get | M::Head, QStringLiteral("/api/backup"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &) {
                    DeferredReply reply(req);
                    struct Result
                    {
                        QByteArray json;
                        QString error;
                    };
                    onWorker(
                            &m_workers, m_db, this,
                            [stored = m_settings->stored()](const QSqlDatabase &db) {
                                Result result;
                                const auto backup = CatalogBackup::dump(db, stored, &result.error);
                                if (backup)
                                    result.json
                                            = QJsonDocument(*backup).toJson(QJsonDocument::Compact);
                                return result;
                            },
                            [reply](Result result) mutable {
                                if (!result.error.isEmpty())
                                    return reply.sendDatabaseError(
                                            QStringLiteral("database error: %1").arg(result.error));
                                const QString name
                                        = QStringLiteral("acehub-backup-%1.json")
                                                  .arg(QDateTime::currentDateTimeUtc().toString(
                                                          QStringLiteral("yyyyMMdd-HHmmss")));
                                reply.send(200, "application/json", result.json,
                                           {{"Content-Disposition",
                                             "attachment; filename=\"" + name.toLatin1() + "\""},
                                            {"Cache-Control", "no-store"}});
                            });
                });

    http->route(
            M::Post, QStringLiteral("/api/restore"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                if (!requireJson(req, r))
                    return;
                if (!m_sources->isIdle()) {
                    Http::sendError(
                            r, Status::Conflict,
                            QStringLiteral("an import is running; restore when it has finished"));
                    return;
                }
                DeferredReply reply(req);
                struct Result
                {
                    int status = 200; // 400: error is the reason
                    QString error;
                    QVariantMap settings;
                    QJsonObject counts;
                    QList<int> guides;
                };
                onWorker(
                        &m_workers, m_db, this,
                        [body = req.http.body()](const QSqlDatabase &connection) {
                            Result result;
                            result.status = 400;
                            const auto backup = parseObject(body, &result.error);
                            if (!backup)
                                return result;
                            QSqlDatabase db = connection;
                            if (const auto error
                                = CatalogBackup::restore(db, *backup, &result.settings)) {
                                result.error = *error;
                                return result;
                            }
                            result.status = 200;
                            for (const QString &table : CatalogBackup::tables())
                                result.counts.insert(table, backup->value(table).toArray().size());
                            result.guides = CatalogBackup::enabledGuideSources(db);
                            return result;
                        },
                        [this, reply](Result result) mutable {
                            if (result.status != 200)
                                return reply.sendError(result.status, result.error);
                            m_checker->clear();
                            // The tables are replaced: every face reloads them (settings say so
                            // themselves when they are written below).
                            for (const char *area :
                                 {"channels", "categories", "sources", "epg-sources", "users"})
                                Q_EMIT changed(QLatin1String(area), QStringLiteral("restored"), {});
                            qCInfo(lcCatalog) << "Catalog restored from a backup";
                            // The restore emptied the guide: fetch it again now, not at the next
                            // schedule.
                            for (const int id : std::as_const(result.guides))
                                m_sources->refresh(SourceManager::Kind::Guide, id);
                            if (!result.settings.isEmpty()) {
                                if (const auto error = m_writeSettings(result.settings)) {
                                    qCWarning(lcCatalog).noquote()
                                            << "Restored the catalog but not the settings:"
                                            << *error;
                                    const bool busy = Database::isBusy(*error);
                                    reply.send(busy ? 503 : 500, "application/json",
                                               QJsonDocument(
                                                       QJsonObject {
                                                               {QStringLiteral("error"),
                                                                QStringLiteral(
                                                                        "the catalog was restored "
                                                                        "but not the settings: %1")
                                                                        .arg(*error)},
                                                               {QStringLiteral("restored"),
                                                                result.counts}})
                                                       .toJson(QJsonDocument::Compact),
                                               {{"Cache-Control", "no-store"}});
                                    return;
                                }
                            }
                            reply.sendJson(
                                    QJsonObject {{QStringLiteral("restored"), result.counts}});
                        });
            });

    http->route(M::Get | M::Head, QStringLiteral("/api/export.m3u"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &) {
                    DeferredReply reply(req);
                    onWorker(
                            &m_workers, m_db, this,
                            [base = m_engine->baseUrl()](const QSqlDatabase &db) {
                                return CatalogBackup::exportM3u(db, base);
                            },
                            [reply](QByteArray m3u) mutable {
                                reply.send(200, "audio/x-mpegurl; charset=utf-8", m3u,
                                           {{"Content-Disposition",
                                             "attachment; filename=\"acehub.m3u\""},
                                            {"Cache-Control", "no-store"}});
                            });
                });
}

BackupRoutes::~BackupRoutes()
{
    // Tasks read the database and post to this object: they finish first.
    m_workers.clear();
    m_workers.waitForDone();
}
