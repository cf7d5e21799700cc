#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <functional>

// What an import has done so far; reported by the worker, shown by the API.
struct ImportProgress
{
    int percent = 0;
    int items = 0; // channels or programmes taken
    int errors = 0; // entries skipped
};

struct ImportOutcome
{
    bool ok = false;
    QString error; // why nothing was changed
    int imported = 0;
    int skipped = 0;
    int added = 0;
    int updated = 0;
    int deactivated = 0;
    int outsideWindow = 0; // guide programmes outside the kept window
    QStringList problems; // a few skipped-entry reasons for the log
};

// Progress sink; returning false cancels the import (nothing is written).
using ImportProgressFn = std::function<bool(const ImportProgress &)>;

// The import work proper. Runs on a worker thread with that thread's own connection; each
// import is one transaction, so a failure leaves the previous catalog exactly as it was.
namespace CatalogImport {

struct Limits
{
    qint64 maxBytes = 200 * 1024 * 1024; // decompressed playlist cap
};

// Merges the playlist in file path into the channels of source sourceId (see docs/catalog.md).
ImportOutcome importM3uFile(QSqlDatabase db, int sourceId, const QString &path,
                            const Limits &limits, const ImportProgressFn &progress);

// Replaces source sourceId's guide with the XMLTV file in path (plain or gzip), keeping
// programmes that overlap [now - daysBack, now + daysAhead].
ImportOutcome importXmltvFile(QSqlDatabase db, int sourceId, const QString &path, int daysBack,
                              int daysAhead, const ImportProgressFn &progress);

// Points every channel at a guide channel: its tvg-id when a guide has it, else a guide channel
// whose normalised display name equals the channel's. Call inside a transaction.
bool matchGuideIds(QSqlDatabase db, QString *error);

// Removes the staging files (guide staging databases, downloads) that an AceHub killed in the
// middle of an import left in the temp folder; returns how many. On start-up. A file another
// running AceHub still uses stays usable: it holds it open, and an open file outlives its name.
int removeStaleStagingFiles();

// Lower case, letters and digits only, quality suffixes (hd, fhd, uhd, sd, 4k) dropped.
QString normalisedName(const QString &name);

} // namespace CatalogImport
