#include "fuzztargets.h"

#include "catalog/gzipdevice.h"
#include "catalog/m3uparser.h"
#include "catalog/xmltvparser.h"
#include "http/api/apiinput.h"
#include "http/httpfront.h"
#include "http/httputil.h"
#include "http/playerroutes.h"
#include "storage/database.h"
#include "storage/settings.h"
#include "stream/streamsource.h"
#include "xtream/userstore.h"

#include <QBuffer>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>
#include <limits>
#include <memory>

namespace FuzzTargets {

namespace {

QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace

int m3u(const uint8_t *data, size_t size)
{
    const QByteArray in = bytes(data, size);
    const M3uParseResult result = M3uParser::parse(in);
    for (const M3uEntry &e : result.entries) {
        M3uEntry again;
        M3uParser::classify(e.url.isEmpty() ? e.contentId : e.url, &again);
    }
    return 0;
}

int xmltv(const uint8_t *data, size_t size)
{
    QByteArray in = bytes(data, size);
    QBuffer buffer(&in);
    buffer.open(QIODevice::ReadOnly);
    int seen = 0;
    XmltvParser::Callbacks callbacks;
    callbacks.channel = [&seen](const XmltvChannel &c) { seen += int(c.id.size()); };
    callbacks.programme = [&seen](const XmltvProgramme &p) { seen += int(p.stop - p.start != 0); };
    callbacks.progress = [] { return true; };
    XmltvParser::parse(&buffer, callbacks);
    XmltvParser::parseTime(QString::fromUtf8(in.left(64)));
    return 0;
}

int gzip(const uint8_t *data, size_t size)
{
    QByteArray in = bytes(data, size);
    constexpr qint64 kCap = 8 * 1024 * 1024; // a bomb stops here
    QByteArray out;
    QString error;
    GzipDevice::gunzip(in, kCap, &out, &error);
    QBuffer source(&in);
    source.open(QIODevice::ReadOnly);
    GzipDevice device(&source);
    if (device.open(QIODevice::ReadOnly)) {
        char chunk[16384];
        qint64 total = 0;
        for (qint64 n; (n = device.read(chunk, sizeof chunk)) > 0 && total < kCap;)
            total += n;
    }
    return 0;
}

int router(const uint8_t *data, size_t size)
{
    // The request target as the server's parser hands it over, matched against AceHub's route
    // shapes the way HttpFront matches them, then the /ace query read as its routes read it.
    static const QStringList patterns {
            QStringLiteral("/ace/getstream"),
            QStringLiteral("/api/streams/{key}"),
            QStringLiteral("/api/streams/{key}/clients/{id}"),
            QStringLiteral("/api/channels/{id}/programmes"),
            QStringLiteral("/live/{user}/{password}/{id}"),
            QStringLiteral("/{user}/{password}/{id}"),
            QStringLiteral("/icons/{file}"),
    };
    static const auto compiled = [] {
        QList<QPair<QRegularExpression, QStringList>> out;
        for (const QString &p : patterns) {
            QStringList names;
            QRegularExpression re = HttpFront::compilePattern(p, &names);
            out.append({re, names});
        }
        return out;
    }();
    const QUrl url = QUrl::fromEncoded(bytes(data, size));
    const QString path = url.path(QUrl::FullyEncoded);
    for (const auto &route : compiled) {
        QHash<QString, QString> args;
        if (HttpFront::matchPath(route.first, route.second, path, &args)) {
            if (args.contains(QStringLiteral("key")))
                StreamSource::fromKey(args.value(QStringLiteral("key")));
            qint64 id = 0;
            Http::parseInt(args.value(QStringLiteral("id")), 1, std::numeric_limits<qint64>::max(),
                           &id);
        }
    }
    QString error;
    StreamSource::fromAceQuery(QUrlQuery(url), &error);
    return 0;
}

int settings(const uint8_t *data, size_t size)
{
    const QByteArray in = bytes(data, size);
    // As PATCH /api/settings hands values over: JSON.
    const QJsonObject object = QJsonDocument::fromJson(in).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        QVariant normalized;
        Settings::validate(it.key(), it.value().toVariant(), &normalized);
    }
    // As the environment and the command line do: text, "key=value" per line.
    for (const QByteArray &line : in.split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        QVariant normalized;
        Settings::validate(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)),
                           &normalized);
    }
    return 0;
}

int users(const uint8_t *data, size_t size)
{
    // One database for the whole run; every input is validated (and, if valid, written) inside a
    // transaction that is rolled back, so inputs do not depend on each other.
    static QTemporaryDir dir;
    static std::unique_ptr<Database> database = [] {
        auto db = std::make_unique<Database>(QDir(dir.path()).filePath(QStringLiteral("f.sqlite")));
        db->open();
        QSqlQuery(db->connection())
                .exec(QStringLiteral("INSERT INTO users (id, username, password, enabled, "
                                     "max_connections, created_at) VALUES (1, 'u', 'p', 1, 1, 0)"));
        return db;
    }();
    const QJsonDocument doc = QJsonDocument::fromJson(bytes(data, size));
    if (!doc.isObject())
        return 0;
    QSqlDatabase db = database->connection();
    db.transaction();
    UserStore::create(db, doc.object(), 0);
    UserStore::update(db, 1, doc.object());
    db.rollback();
    return 0;
}

int xtream(const uint8_t *data, size_t size)
{
    // Line 1: the Host header; line 2: the Content-Type; line 3: the query; the rest: a body.
    const QList<QByteArray> parts = bytes(data, size).split('\n');
    const QByteArray host = parts.value(0);
    const QByteArray type = parts.value(1);
    const QString query = QString::fromUtf8(parts.value(2));
    const QByteArray body
            = parts.size() > 3
                      ? bytes(data, size).mid(host.size() + type.size() + parts.value(2).size() + 3)
                      : QByteArray();
    const QHash<QString, QString> params = PlayerRoutes::formParameters(query, body, type, true);
    PlayerRoutes::hostEndpoint(host);
    // What playerApi reads of them.
    bool ok = false;
    params.value(QStringLiteral("category_id")).toLongLong(&ok);
    params.value(QStringLiteral("stream_id")).toLongLong(&ok);
    qint64 limit = 0;
    Http::parseInt(params.value(QStringLiteral("limit")), 1, 1000, &limit);
    return 0;
}

int adminjson(const uint8_t *data, size_t size)
{
    // Line 1: a request's query, as the admin routes' Api::Query reads it; the rest: a request
    // body, parsed by Api::parseObject as Api::jsonBody does, then checked the way the routes check
    // theirs.
    const QByteArray in = bytes(data, size);
    const qsizetype newline = in.indexOf('\n');
    const QUrlQuery query(QString::fromUtf8(newline < 0 ? in : in.left(newline)));
    const QByteArray body = newline < 0 ? QByteArray() : in.mid(newline + 1);

    static const QStringList known {QStringLiteral("limit"), QStringLiteral("offset"),
                                    QStringLiteral("search"), QStringLiteral("hidden"),
                                    QStringLiteral("lines")};
    Api::checkQueryNames(query, known);
    qint64 number = 0;
    for (const QString &name : known) {
        const QString text = query.queryItemValue(name, QUrl::FullyDecoded);
        Http::parseInt(text, 0, std::numeric_limits<int>::max(), &number);
        Http::parseInt(text, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(),
                       &number);
    }

    QString error;
    const std::optional<QJsonObject> parsed = Api::parseObject(body, &error);
    if (!parsed)
        return 0;
    const QJsonObject &object = *parsed;
    using Api::Field;
    using Api::Type;
    constexpr qint64 kIntMax = std::numeric_limits<int>::max();
    // The shapes of the routes' field lists (types, nullability, ranges), and the extremes.
    static const QList<Field> fields {
            {"name", Type::String, true, 1, 300},
            {"location", Type::String, false, 1, 4000},
            {"logo", Type::String, true, 0, 4000},
            {"number", Type::Int, true, 0, 9999999},
            {"category_id", Type::Int, true, 1, kIntMax},
            {"sort_order", Type::Int, false, -1000000, 1000000},
            {"refresh_interval_s", Type::Int, false, 0, 366LL * 86400},
            {"wide", Type::Int, false, std::numeric_limits<qint64>::min(),
             std::numeric_limits<qint64>::max()},
            {"hidden", Type::Bool},
            {"ids", Type::IntList, false, 1, kIntMax},
    };
    if (!Api::checkObject(object, fields, {QStringLiteral("name")})) {
        // Valid: what the routes then bind and show.
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QVariant bound = Api::nullOr(it.value());
            if (!it.value().isString())
                Api::isoTime(bound);
        }
    }
    // Every value against every type, nullable or not, including empty and inverted ranges.
    for (auto it = object.begin(); it != object.end(); ++it) {
        for (Type type : {Type::String, Type::Int, Type::Bool, Type::IntList}) {
            for (const auto &range :
                 {std::pair<qint64, qint64> {0, 0},
                  {5, 3},
                  {std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()}}) {
                for (bool nullable : {false, true})
                    Api::checkValue(it.key(), it.value(),
                                    Field {"any", type, nullable, range.first, range.second});
            }
        }
    }
    return 0;
}

const std::vector<Target> &all()
{
    static const std::vector<Target> targets {
            {"m3u", &m3u},       {"xmltv", &xmltv},         {"gzip", &gzip},
            {"router", &router}, {"settings", &settings},   {"users", &users},
            {"xtream", &xtream}, {"adminjson", &adminjson},
    };
    return targets;
}

} // namespace FuzzTargets
