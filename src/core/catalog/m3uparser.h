#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// One channel as an M3U playlist describes it, already classified by its source form.
struct M3uEntry
{
    enum class Kind { AceStream, Direct };
    Kind kind = Kind::AceStream;
    QString contentId; // 40 lower-case hex, or empty
    QString infohash; // 40 lower-case hex, or empty
    QString url; // direct http(s) source, or empty
    QString name;
    QString tvgId;
    QString tvgName;
    QString tvgLogo;
    int tvgChno = -1; // -1: not given
    QString group;
};

struct M3uParseResult
{
    QList<M3uEntry> entries;
    int skipped = 0; // broken entries left out
    QStringList problems; // a few of the reasons, for the log (at most 20)
    bool looksLikeM3u = false; // an #EXTM3U header or at least one #EXTINF or stream line
};

// Parses extended M3U playlists as found in the wild: a UTF-8 BOM, CRLF, blank lines,
// comments, #EXTGRP, broken #EXTINF lines (skipped and counted).
class M3uParser final
{
public:
    static M3uParseResult parse(const QByteArray &data);

    // Classifies one stream line: acestream://<id>, …/ace/getstream?id|content_id|infohash=…,
    // a bare 40-hex id or a plain http(s) URL. Returns false for anything else.
    static bool classify(const QString &line, M3uEntry *entry);
    static bool isHex40(const QString &text);
};
