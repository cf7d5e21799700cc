#include "m3uparser.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace {

void note(M3uParseResult *result, const QString &problem)
{
    ++result->skipped;
    if (result->problems.size() < 20)
        result->problems << problem;
}

// Attributes of an #EXTINF line: key="value" pairs (quotes optional) before the display name.
void parseExtinf(const QString &line, M3uEntry *entry, bool *ok)
{
    // "#EXTINF:" duration [attributes] "," name. The name follows the first comma that is not
    // inside a quoted attribute value.
    const QString body = line.mid(8);
    int comma = -1;
    bool quoted = false;
    for (int i = 0; i < body.size(); ++i) {
        const QChar c = body.at(i);
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (c == QLatin1Char(',') && !quoted) {
            comma = i;
            break;
        }
    }
    if (comma < 0) {
        *ok = false;
        return;
    }
    const QString head = body.left(comma);
    entry->name = body.mid(comma + 1).trimmed();
    static const QRegularExpression durationRe(QStringLiteral("^\\s*-?\\d+(\\.\\d+)?(\\s|$)"));
    if (!durationRe.match(head).hasMatch()) {
        *ok = false;
        return;
    }
    static const QRegularExpression attrRe(
            QStringLiteral("([A-Za-z0-9_-]+)=(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"']*))"));
    auto it = attrRe.globalMatch(head);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString key = m.captured(1).toLower();
        const QString value = (m.capturedStart(2) >= 0   ? m.captured(2)
                               : m.capturedStart(3) >= 0 ? m.captured(3)
                                                         : m.captured(4))
                                      .trimmed();
        if (key == QLatin1String("tvg-id"))
            entry->tvgId = value;
        else if (key == QLatin1String("tvg-name"))
            entry->tvgName = value;
        else if (key == QLatin1String("tvg-logo"))
            entry->tvgLogo = value;
        else if (key == QLatin1String("tvg-chno")) {
            bool numberOk = false;
            const int n = value.toInt(&numberOk);
            entry->tvgChno = numberOk && n >= 0 ? n : -1;
        } else if (key == QLatin1String("group-title")) {
            // Kodi reads "A;B" as two groups; AceHub keeps the first.
            entry->group = value.section(QLatin1Char(';'), 0, 0).trimmed();
        }
    }
    if (entry->name.isEmpty())
        entry->name = entry->tvgName;
    *ok = true;
}

} // namespace

bool M3uParser::isHex40(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[0-9A-Fa-f]{40}$"));
    return re.match(text).hasMatch();
}

bool M3uParser::classify(const QString &raw, M3uEntry *entry)
{
    const QString line = raw.trimmed();
    if (isHex40(line)) {
        entry->kind = M3uEntry::Kind::AceStream;
        entry->contentId = line.toLower();
        return true;
    }
    if (line.startsWith(QLatin1String("acestream://"), Qt::CaseInsensitive)) {
        QString id = line.mid(12);
        id = id.section(QLatin1Char('?'), 0, 0).section(QLatin1Char('/'), 0, 0);
        if (!isHex40(id))
            return false;
        entry->kind = M3uEntry::Kind::AceStream;
        entry->contentId = id.toLower();
        return true;
    }
    // Kodi appends request headers after a pipe: "http://host/x.ts|User-Agent=…".
    const QUrl url(line.section(QLatin1Char('|'), 0, 0).trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return false;
    const QString path = url.path();
    if (path.endsWith(QLatin1String("/ace/getstream"))
        || path.endsWith(QLatin1String("/ace/manifest.m3u8"))) {
        const QUrlQuery query(url);
        for (const char *key : {"id", "content_id", "infohash"}) {
            const QString value = query.queryItemValue(QString::fromLatin1(key));
            if (value.isEmpty())
                continue;
            if (!isHex40(value))
                return false;
            entry->kind = M3uEntry::Kind::AceStream;
            if (qstrcmp(key, "infohash") == 0)
                entry->infohash = value.toLower();
            else
                entry->contentId = value.toLower();
            return true;
        }
        return false; // an engine URL without an id
    }
    entry->kind = M3uEntry::Kind::Direct;
    entry->url = url.toString(QUrl::FullyEncoded);
    return true;
}

M3uParseResult M3uParser::parse(const QByteArray &data)
{
    M3uParseResult result;
    QString text = QString::fromUtf8(data);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    const QStringList lines = text.split(QLatin1Char('\n'));

    M3uEntry pending;
    bool havePending = false; // an #EXTINF waits for its stream line
    int pendingLine = 0;
    QString groupFromExtgrp;
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed(); // also drops the CR of CRLF
        if (line.isEmpty())
            continue;
        if (line.startsWith(QLatin1String("#EXTM3U"), Qt::CaseInsensitive)) {
            result.looksLikeM3u = true;
            continue;
        }
        if (line.startsWith(QLatin1String("#EXTINF:"), Qt::CaseInsensitive)) {
            result.looksLikeM3u = true;
            if (havePending)
                note(&result,
                     QStringLiteral("line %1: #EXTINF without a stream line").arg(pendingLine));
            pending = M3uEntry();
            groupFromExtgrp.clear();
            bool ok = false;
            parseExtinf(line, &pending, &ok);
            if (!ok) {
                havePending = false;
                note(&result, QStringLiteral("line %1: malformed #EXTINF").arg(i + 1));
                // Its stream line, if any, belongs to a broken entry: skip it too.
                while (i + 1 < lines.size()) {
                    const QString next = lines.at(i + 1).trimmed();
                    if (next.startsWith(QLatin1Char('#'))
                        && !next.startsWith(QLatin1String("#EXTGRP"), Qt::CaseInsensitive)
                        && !next.startsWith(QLatin1String("#EXTVLCOPT"), Qt::CaseInsensitive))
                        break;
                    ++i;
                    if (!next.isEmpty() && !next.startsWith(QLatin1Char('#')))
                        break;
                }
                continue;
            }
            havePending = true;
            pendingLine = i + 1;
            continue;
        }
        if (line.startsWith(QLatin1String("#EXTGRP:"), Qt::CaseInsensitive)) {
            groupFromExtgrp = line.mid(8).trimmed();
            continue;
        }
        if (line.startsWith(QLatin1Char('#')))
            continue; // other directives and comments
        M3uEntry entry = havePending ? pending : M3uEntry();
        if (!classify(line, &entry)) {
            note(&result, QStringLiteral("line %1: not a stream address").arg(i + 1));
            havePending = false;
            continue;
        }
        result.looksLikeM3u = true;
        if (entry.group.isEmpty())
            entry.group = groupFromExtgrp;
        if (entry.name.isEmpty()) {
            if (!entry.contentId.isEmpty())
                entry.name = entry.contentId;
            else if (!entry.infohash.isEmpty())
                entry.name = entry.infohash;
            else
                entry.name = entry.url;
        }
        result.entries.append(entry);
        havePending = false;
        groupFromExtgrp.clear();
    }
    if (havePending)
        note(&result, QStringLiteral("line %1: #EXTINF without a stream line").arg(pendingLine));
    return result;
}
