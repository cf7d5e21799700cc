#include "catalogimport.h"

#include "gzipdevice.h"
#include "m3uparser.h"
#include "storage/writetransaction.h"
#include "xmltvparser.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>

namespace CatalogImport {

namespace {

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

QString sqlError(const QSqlQuery &q)
{
    return q.lastError().text();
}

// Reads a playlist or guide file, gunzipping it when it is gzip.
bool readWhole(const QString &path, qint64 maxBytes, QByteArray *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    if (file.size() > maxBytes) {
        *error = QStringLiteral("larger than the %1 byte limit").arg(maxBytes);
        return false;
    }
    *out = file.readAll();
    if (GzipDevice::isGzip(*out)) {
        QByteArray plain;
        if (!GzipDevice::gunzip(*out, maxBytes, &plain, error))
            return false;
        *out = plain;
    }
    return true;
}

} // namespace

QString normalisedName(const QString &name)
{
    QString out;
    const QString decomposed = name.normalized(QString::NormalizationForm_KD).toLower();
    for (const QChar c : decomposed) {
        if (c.isLetterOrNumber())
            out += c;
    }
    static const QRegularExpression suffix(QStringLiteral("(fhd|uhd|hd|sd|4k)$"));
    const QString stripped = QString(out).remove(suffix);
    return stripped.isEmpty() ? out : stripped;
}

bool matchGuideIds(QSqlDatabase db, QString *error)
{
    QSet<QString> ids;
    QHash<QString, QString> byName;
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT epg_id, display_name, other_names FROM epg_channels"
                                   " ORDER BY source_id, epg_id"))) {
            *error = sqlError(q);
            return false;
        }
        // Names in order of trust: first display names, then the further ones, then the id's
        // first part ("rai1.it" -> "rai1"). The first guide channel to claim a name keeps it.
        QList<QPair<QString, QStringList>> names[3];
        while (q.next()) {
            const QString id = q.value(0).toString();
            ids.insert(id);
            names[0].append({id, {q.value(1).toString()}});
            names[1].append(
                    {id, q.value(2).toString().split(QLatin1Char('\t'), Qt::SkipEmptyParts)});
            names[2].append({id, {id.section(QLatin1Char('.'), 0, 0)}});
        }
        for (const auto &level : names) {
            for (const auto &entry : level) {
                for (const QString &name : entry.second) {
                    const QString n = normalisedName(name);
                    if (!n.isEmpty() && !byName.contains(n))
                        byName.insert(n, entry.first);
                }
            }
        }
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT id, epg_id, COALESCE(custom_name, name), tvg_name, guide_id "
                               "FROM channels"))) {
        *error = sqlError(q);
        return false;
    }
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE channels SET guide_id = ? WHERE id = ?"));
    while (q.next()) {
        const QString epgId = q.value(1).toString();
        QString guide;
        if (!epgId.isEmpty() && ids.contains(epgId)) {
            guide = epgId;
        } else {
            for (int column : {2, 3}) {
                const QString n = normalisedName(q.value(column).toString());
                if (!n.isEmpty() && byName.contains(n)) {
                    guide = byName.value(n);
                    break;
                }
            }
        }
        if (guide == q.value(4).toString())
            continue;
        update.addBindValue(textOrNull(guide));
        update.addBindValue(q.value(0));
        if (!update.exec()) {
            *error = sqlError(update);
            return false;
        }
    }
    return true;
}

ImportOutcome importM3uFile(QSqlDatabase db, int sourceId, const QString &path,
                            const Limits &limits, const ImportProgressFn &progress)
{
    ImportOutcome outcome;
    QByteArray data;
    if (!readWhole(path, limits.maxBytes, &data, &outcome.error))
        return outcome;
    const M3uParseResult parsed = M3uParser::parse(data);
    data.clear();
    outcome.skipped = parsed.skipped;
    outcome.problems = parsed.problems;
    if (!parsed.looksLikeM3u) {
        outcome.error = QStringLiteral("not an M3U playlist");
        return outcome;
    }
    if (parsed.entries.isEmpty()) {
        // An empty answer is far more often a provider's hiccup than an emptied playlist:
        // keep the channels active rather than switch every one of them off.
        outcome.error = QStringLiteral("the playlist has no usable channels (%1 skipped)")
                                .arg(parsed.skipped);
        return outcome;
    }

    WriteTransaction tx(db);
    if (!tx.isOpen()) {
        outcome.error = tx.error().text();
        return outcome;
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QHash<QString, int> categories;
    int nextSortOrder = 0;
    int nextNumber = 1;
    QSet<int> previouslyActive;
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT id, name, sort_order FROM categories"))) {
            outcome.error = sqlError(q);
            return outcome;
        }
        while (q.next()) {
            categories.insert(q.value(1).toString(), q.value(0).toInt());
            nextSortOrder = qMax(nextSortOrder, q.value(2).toInt() + 1);
        }
        if (q.exec(QStringLiteral("SELECT COALESCE(MAX(MAX(COALESCE(number, 0)), "
                                  "MAX(COALESCE(custom_number, 0))), 0) FROM channels"))
            && q.next())
            nextNumber = q.value(0).toInt() + 1;
        q.prepare(QStringLiteral("SELECT id FROM channels WHERE source_id = ? AND active = 1"));
        q.addBindValue(sourceId);
        if (!q.exec()) {
            outcome.error = sqlError(q);
            return outcome;
        }
        while (q.next())
            previouslyActive.insert(q.value(0).toInt());
    }

    QSqlQuery addCategory(db);
    addCategory.prepare(QStringLiteral(
            "INSERT INTO categories(name, sort_order, created_at) VALUES (?, ?, ?)"));
    QSqlQuery findByContent(db), findByInfohash(db), findByUrl(db);
    findByContent.prepare(QStringLiteral("SELECT id FROM channels WHERE content_id = ?"));
    findByInfohash.prepare(QStringLiteral("SELECT id FROM channels WHERE infohash = ?"));
    findByUrl.prepare(QStringLiteral("SELECT id FROM channels WHERE url = ?"));
    QSqlQuery update(db);
    update.prepare(QStringLiteral(
            "UPDATE channels SET source_id = ?, kind = ?, name = ?, tvg_name = ?,"
            " number = COALESCE(?, number), category_id = ?, logo = ?, epg_id = ?, active = 1,"
            " updated_at = ? WHERE id = ?"));
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO channels(source_id, kind, content_id, infohash, "
                                  "url, name, tvg_name, number,"
                                  " category_id, logo, epg_id, added_at, updated_at)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));

    QSet<int> seen;
    ImportProgress report;
    const int total = int(parsed.entries.size());
    for (int i = 0; i < total; ++i) {
        const M3uEntry &e = parsed.entries.at(i);
        QVariant categoryId {QMetaType(QMetaType::Int)};
        if (!e.group.isEmpty()) {
            auto it = categories.constFind(e.group);
            if (it == categories.cend()) {
                addCategory.addBindValue(e.group);
                addCategory.addBindValue(nextSortOrder++);
                addCategory.addBindValue(now);
                if (!addCategory.exec()) {
                    outcome.error = sqlError(addCategory);
                    return outcome;
                }
                it = categories.insert(e.group, addCategory.lastInsertId().toInt());
            }
            categoryId = *it;
        }
        QSqlQuery *find = !e.contentId.isEmpty()  ? &findByContent
                          : !e.infohash.isEmpty() ? &findByInfohash
                                                  : &findByUrl;
        find->addBindValue(!e.contentId.isEmpty()  ? e.contentId
                           : !e.infohash.isEmpty() ? e.infohash
                                                   : e.url);
        if (!find->exec()) {
            outcome.error = sqlError(*find);
            return outcome;
        }
        const int existing = find->next() ? find->value(0).toInt() : 0;
        find->finish();
        const QString kind = e.kind == M3uEntry::Kind::Direct ? QStringLiteral("direct")
                                                              : QStringLiteral("acestream");
        if (existing) {
            if (seen.contains(existing)) {
                ++outcome.skipped;
                if (outcome.problems.size() < 20)
                    outcome.problems
                            << QStringLiteral("duplicate of an earlier entry: %1").arg(e.name);
                continue;
            }
            update.addBindValue(sourceId);
            update.addBindValue(kind);
            update.addBindValue(e.name);
            update.addBindValue(textOrNull(e.tvgName));
            update.addBindValue(e.tvgChno >= 0 ? QVariant(e.tvgChno)
                                               : QVariant(QMetaType(QMetaType::Int)));
            update.addBindValue(categoryId);
            update.addBindValue(textOrNull(e.tvgLogo));
            update.addBindValue(textOrNull(e.tvgId));
            update.addBindValue(now);
            update.addBindValue(existing);
            if (!update.exec()) {
                outcome.error = sqlError(update);
                return outcome;
            }
            seen.insert(existing);
            ++outcome.updated;
        } else {
            insert.addBindValue(sourceId);
            insert.addBindValue(kind);
            insert.addBindValue(textOrNull(e.contentId));
            insert.addBindValue(textOrNull(e.infohash));
            insert.addBindValue(textOrNull(e.url));
            insert.addBindValue(e.name);
            insert.addBindValue(textOrNull(e.tvgName));
            insert.addBindValue(e.tvgChno >= 0 ? e.tvgChno : nextNumber++);
            insert.addBindValue(categoryId);
            insert.addBindValue(textOrNull(e.tvgLogo));
            insert.addBindValue(textOrNull(e.tvgId));
            insert.addBindValue(now);
            insert.addBindValue(now);
            if (!insert.exec()) {
                outcome.error = sqlError(insert);
                return outcome;
            }
            seen.insert(insert.lastInsertId().toInt());
            ++outcome.added;
        }
        ++outcome.imported;
        if (progress && (i % 200 == 0 || i + 1 == total)) {
            report.percent = int(qint64(i + 1) * 100 / total);
            report.items = outcome.imported;
            report.errors = outcome.skipped;
            if (!progress(report)) {
                outcome.error = QStringLiteral("cancelled");
                return outcome;
            }
        }
    }

    QSqlQuery deactivate(db);
    deactivate.prepare(
            QStringLiteral("UPDATE channels SET active = 0, updated_at = ? WHERE id = ?"));
    for (int id : qAsConst(previouslyActive)) {
        if (seen.contains(id))
            continue;
        deactivate.addBindValue(now);
        deactivate.addBindValue(id);
        if (!deactivate.exec()) {
            outcome.error = sqlError(deactivate);
            return outcome;
        }
        ++outcome.deactivated;
    }
    if (!matchGuideIds(db, &outcome.error))
        return outcome;
    if (!tx.commit()) {
        outcome.error = tx.error().text();
        return outcome;
    }
    outcome.ok = true;
    return outcome;
}

ImportOutcome importXmltvFile(QSqlDatabase db, int sourceId, const QString &path, int daysBack,
                              int daysAhead, const ImportProgressFn &progress)
{
    ImportOutcome outcome;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        outcome.error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return outcome;
    }
    const qint64 totalBytes = qMax<qint64>(1, file.size());
    const bool gzip = GzipDevice::isGzip(file.peek(2));
    GzipDevice gunzip(&file);
    QIODevice *input = &file;
    if (gzip) {
        if (!gunzip.open(QIODevice::ReadOnly)) {
            outcome.error = gunzip.error();
            return outcome;
        }
        input = &gunzip;
    }

    // The guide is parsed into a staging database file first, so the catalog's write lock is
    // held only for the short copy at the end (the server thread may want to write meanwhile).
    QTemporaryFile stagingFile(
            QDir(QDir::tempPath()).filePath(QStringLiteral("acehub-guide-XXXXXX.sqlite")));
    if (!stagingFile.open()) {
        outcome.error
                = QStringLiteral("cannot create a staging file: %1").arg(stagingFile.errorString());
        return outcome;
    }
    stagingFile.close();
    {
        QSqlQuery attach(db);
        attach.prepare(QStringLiteral("ATTACH DATABASE ? AS staging"));
        attach.addBindValue(stagingFile.fileName());
        if (!attach.exec()) {
            outcome.error = sqlError(attach);
            return outcome;
        }
    }
    struct Detach
    {
        QSqlDatabase db;
        ~Detach() { QSqlQuery(db).exec(QStringLiteral("DETACH DATABASE staging")); }
    } detach {db}; // declared before every query below, so it runs after they are gone
    for (const char *sql :
         {"PRAGMA staging.journal_mode = OFF", "PRAGMA staging.synchronous = OFF",
          "CREATE TABLE staging.channels (epg_id TEXT PRIMARY KEY, display_name TEXT, other_names "
          "TEXT, icon TEXT)",
          "CREATE TABLE staging.programmes (epg_id TEXT NOT NULL, start INTEGER NOT NULL,"
          " stop INTEGER NOT NULL, title TEXT NOT NULL, description TEXT, category TEXT, lang "
          "TEXT)"}) {
        QSqlQuery q(db);
        if (!q.exec(QString::fromLatin1(sql))) {
            outcome.error = sqlError(q);
            return outcome;
        }
    }

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 windowStart = now - qint64(daysBack) * 86400;
    const qint64 windowEnd = now + qint64(daysAhead) * 86400;
    int outside = 0;
    int channels = 0;
    ImportProgress report;
    {
        // Touches only the staging file: deferred, so edits of the catalog go on meanwhile.
        WriteTransaction stage(db, WriteTransaction::Lock::Deferred);
        QSqlQuery addChannel(db);
        addChannel.prepare(QStringLiteral(
                "INSERT OR REPLACE INTO staging.channels(epg_id, display_name, other_names, icon)"
                " VALUES (?, ?, ?, ?)"));
        QSqlQuery addProgramme(db);
        addProgramme.prepare(
                QStringLiteral("INSERT INTO staging.programmes(epg_id, start, stop, title,"
                               " description, category, lang) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        QString writeError;
        XmltvParser::Callbacks callbacks;
        callbacks.channel = [&](const XmltvChannel &c) {
            if (!writeError.isEmpty())
                return;
            addChannel.addBindValue(c.id);
            addChannel.addBindValue(textOrNull(c.displayName));
            addChannel.addBindValue(textOrNull(c.otherNames.join(QLatin1Char('\t'))));
            addChannel.addBindValue(textOrNull(c.icon));
            if (!addChannel.exec())
                writeError = sqlError(addChannel);
        };
        callbacks.programme = [&](const XmltvProgramme &p) {
            if (!writeError.isEmpty())
                return;
            if (p.stop < windowStart || p.start > windowEnd) {
                ++outside;
                return;
            }
            addProgramme.addBindValue(p.channel);
            addProgramme.addBindValue(p.start);
            addProgramme.addBindValue(p.stop);
            addProgramme.addBindValue(p.title);
            addProgramme.addBindValue(textOrNull(p.description));
            addProgramme.addBindValue(textOrNull(p.category));
            addProgramme.addBindValue(textOrNull(p.lang));
            if (!addProgramme.exec())
                writeError = sqlError(addProgramme);
            else
                ++outcome.imported;
        };
        callbacks.progress = [&]() {
            if (!writeError.isEmpty())
                return false;
            if (!progress)
                return true;
            report.percent = int(qMin<qint64>(95, file.pos() * 95 / totalBytes));
            report.items = outcome.imported;
            report.errors = outcome.skipped;
            return progress(report);
        };
        const XmltvParser::Result parsed = XmltvParser::parse(input, callbacks);
        outcome.skipped = parsed.skipped;
        channels = parsed.channels;
        if (!writeError.isEmpty()) {
            outcome.error = writeError;
            return outcome;
        }
        if (parsed.error) {
            outcome.error = *parsed.error;
            return outcome;
        }
        if (gzip && !gunzip.error().isEmpty()) {
            outcome.error = gunzip.error();
            return outcome;
        }
        if (parsed.channels == 0 && parsed.programmes == 0) {
            outcome.error = QStringLiteral("the guide has no channels and no programmes");
            return outcome;
        }
        if (!stage.commit()) {
            outcome.error = stage.error().text();
            return outcome;
        }
    }

    // The one transaction on the catalog: replace this source's guide, match the channels.
    WriteTransaction tx(db);
    if (!tx.isOpen()) {
        outcome.error = tx.error().text();
        return outcome;
    }
    for (const char *sql :
         {"DELETE FROM main.epg_programmes WHERE source_id = ?",
          "DELETE FROM main.epg_channels WHERE source_id = ?",
          "INSERT INTO main.epg_channels(source_id, epg_id, display_name, other_names, icon)"
          " SELECT ?, epg_id, display_name, other_names, icon FROM staging.channels",
          "INSERT INTO main.epg_programmes(source_id, epg_id, start, stop, title, description,"
          " category, lang) SELECT ?, epg_id, start, stop, title, description, category, lang"
          " FROM staging.programmes ORDER BY epg_id, start"}) {
        QSqlQuery q(db);
        q.prepare(QString::fromLatin1(sql));
        q.addBindValue(sourceId);
        if (!q.exec()) {
            outcome.error = sqlError(q);
            return outcome;
        }
    }
    if (!matchGuideIds(db, &outcome.error))
        return outcome;
    if (!tx.commit()) {
        outcome.error = tx.error().text();
        return outcome;
    }
    outcome.ok = true;
    outcome.added = channels;
    outcome.outsideWindow = outside;
    if (progress) {
        report.percent = 100;
        report.items = outcome.imported;
        report.errors = outcome.skipped;
        progress(report);
    }
    return outcome;
}

int removeStaleStagingFiles()
{
    QDir temp(QDir::tempPath());
    int removed = 0;
    // A guide staging database is only ever used through the descriptor SQLite holds open.
    for (const QString &name :
         temp.entryList({QStringLiteral("acehub-guide-*.sqlite")}, QDir::Files | QDir::Hidden)) {
        if (temp.remove(name))
            ++removed;
    }
    // A finished download is opened again by name for its import: only old ones go.
    const QDateTime old = QDateTime::currentDateTimeUtc().addSecs(-600);
    for (const QFileInfo &file :
         temp.entryInfoList({QStringLiteral("acehub-source-*")}, QDir::Files | QDir::Hidden)) {
        if (file.lastModified() < old && temp.remove(file.fileName()))
            ++removed;
    }
    return removed;
}

} // namespace CatalogImport
