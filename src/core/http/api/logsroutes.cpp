#include "logsroutes.h"

#include "http/api/apiinput.h"
#include "http/httpfront.h"
#include "http/httputil.h"
#include "log/logger.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace {
using M = HttpFront::Method;
using Access = HttpFront::Access;
using Status = Http::Status;
} // namespace

LogsRoutes::LogsRoutes(HttpFront *http) : QObject(http)
{
    http->route(M::Get | M::Head, QStringLiteral("/api/logs/download"), Access::Admin,
                [](const HttpRequest &, QHttpServerResponder &r) {
                    Logger *logger = Logger::instance();
                    const QString path = logger ? logger->filePath() : QString();
                    QFile file(path);
                    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
                        Http::sendError(r, Status::NotFound,
                                        QStringLiteral("no log file is being written"));
                        return;
                    }
                    // The current file only (rotated ones are acehub.log.1 …), its last 16 MiB.
                    constexpr qint64 kMaxBytes = 16 * 1024 * 1024;
                    if (file.size() > kMaxBytes)
                        file.seek(file.size() - kMaxBytes);
                    Http::send(r, Status::Ok, "text/plain; charset=utf-8", file.read(kMaxBytes),
                               {{"Content-Disposition", "attachment; filename=\"acehub.log\""},
                                {"Cache-Control", "no-store"}});
                });

    http->route(
            M::Get, QStringLiteral("/api/logs/tail"), Access::Admin,
            [](const HttpRequest &req, QHttpServerResponder &r) {
                Logger *logger = Logger::instance();
                qint64 lines = 100;
                const auto query = Api::Query::check(req, r, {QStringLiteral("lines")});
                if (!query)
                    return;
                const QString text = query->text(QStringLiteral("lines"));
                if (!text.isEmpty() && !Http::parseInt(text, 1, 100000, &lines)) {
                    Http::sendError(r, Http::Status::BadRequest,
                                    QStringLiteral("lines: expected a number from 1 to 100000"));
                    return;
                }
                QJsonArray out;
                const QList<LogLine> tail = logger ? logger->tail(int(lines)) : QList<LogLine>();
                for (const LogLine &line : tail) {
                    out.append(QJsonObject {
                            {QStringLiteral("time"), line.time.toString(Qt::ISODateWithMs)},
                            {QStringLiteral("level"), line.levelName()},
                            {QStringLiteral("category"), line.category},
                            {QStringLiteral("message"), line.message},
                    });
                }
                Http::sendJson(r, QJsonObject {{QStringLiteral("lines"), out},
                                               {QStringLiteral("count"), out.size()}});
            });

    // Paging through the ring buffer, newest first (docs/admin-api.md, "Logs with paging").
    http->route(
            M::Get | M::Head, QStringLiteral("/api/logs"), Access::Admin,
            [](const HttpRequest &req, QHttpServerResponder &r) {
                const auto query
                        = Api::Query::check(req, r,
                                            {QStringLiteral("level"), QStringLiteral("search"),
                                             QStringLiteral("before"), QStringLiteral("limit")});
                if (!query)
                    return;
                int minRank = 0;
                if (query->has(QStringLiteral("level"))) {
                    minRank = LogLine::levelRank(query->text(QStringLiteral("level")));
                    if (minRank < 0) {
                        Http::sendError(r, Status::BadRequest,
                                        QStringLiteral("level: expected debug, info, warning or "
                                                       "error"));
                        return;
                    }
                }
                QString search;
                qint64 before = 0;
                qint64 limit = 200;
                if (!query->search(r, QStringLiteral("search"), &search)
                    || !query->integer(r, QStringLiteral("before"), 1,
                                       std::numeric_limits<qint64>::max(), &before)
                    || !query->integer(r, QStringLiteral("limit"), 1, 1000, &limit))
                    return;
                Logger *logger = Logger::instance();
                bool hasMore = false;
                const QList<LogLine> lines = logger ? logger->page(quint64(before), int(limit),
                                                                   minRank, search, &hasMore)
                                                    : QList<LogLine>();
                QJsonArray items;
                for (const LogLine &line : lines) {
                    items.append(QJsonObject {
                            {QStringLiteral("id"), qint64(line.id)},
                            {QStringLiteral("time"), line.time.toUTC().toString(Qt::ISODateWithMs)},
                            {QStringLiteral("level"), line.levelName()},
                            {QStringLiteral("category"), line.category},
                            {QStringLiteral("message"), line.message},
                    });
                }
                Http::sendJson(r, QJsonObject {{QStringLiteral("items"), items},
                                               {QStringLiteral("has_more"), hasMore}});
            });
}
