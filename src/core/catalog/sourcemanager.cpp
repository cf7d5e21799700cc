#include "sourcemanager.h"

#include "catalog/sourcestore.h"
#include "net/replylimit.h"
#include "storage/background.h"
#include "storage/database.h"
#include "storage/settings.h"
#include "version.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QNetworkReply>
#include <QThread>

Q_LOGGING_CATEGORY(lcCatalog, "acehub.catalog")

namespace {

bool isWeb(const QUrl &url)
{
    return url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
}

// Qt's network error texts may quote the whole URL; provider URLs carry the account's
// username and password (get.php?username=U&password=P).
QString scrubbed(QString text, const QUrl &url)
{
    const QString shown = url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    for (const QString &form :
         {url.toString(), url.toString(QUrl::FullyEncoded), url.toDisplayString()})
        text.replace(form, shown);
    if (url.hasQuery()) {
        for (const QString &form : {url.query(QUrl::FullyEncoded), url.query(QUrl::FullyDecoded)})
            text.replace(form, QStringLiteral("…"));
    }
    return text;
}

} // namespace

QString SourceManager::displayLocation(const QString &location)
{
    const QUrl url(location.trimmed());
    return isWeb(url) ? url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)
                      : location.trimmed();
}

SourceManager::SourceManager(Database *db, const Settings *settings, QObject *parent)
    : QObject(parent), m_settings(settings), m_db(db)
{
    connect(&m_tick, &QTimer::timeout, this, &SourceManager::tick);
}

SourceManager::~SourceManager()
{
    m_cancel = true;
    m_tick.stop();
    if (m_current && m_current->reply) {
        m_current->reply->disconnect(this); // a download cut by shutdown is not a failed refresh
        m_current->reply->abort();
    }
    if (m_thread) {
        // The worker sees the cancel flag within a few hundred entries and rolls back.
        m_thread->wait();
        delete m_thread;
    }
}

QString SourceManager::table(Kind kind)
{
    return kind == Kind::Channels ? QStringLiteral("channel_sources")
                                  : QStringLiteral("epg_sources");
}

QString SourceManager::kindName(Kind kind)
{
    return kind == Kind::Channels ? QStringLiteral("channels") : QStringLiteral("epg");
}

void SourceManager::start(int tickMs)
{
    m_tick.start(tickMs);
    QTimer::singleShot(0, this, &SourceManager::tick);
}

void SourceManager::tick()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (Kind kind : {Kind::Channels, Kind::Guide}) {
        QString error;
        const auto due = SourceStore::due(m_db->connection(), kind, now, &error);
        if (!due) {
            qCWarning(lcCatalog) << "Cannot read the sources:" << error;
            continue;
        }
        for (const int id : *due) {
            if (!isBusy(kind, id))
                refresh(kind, id);
        }
    }
}

bool SourceManager::refresh(Kind kind, int id, QString *error)
{
    if (!SourceStore::exists(m_db->connection(), kind, id)) {
        if (error)
            *error = QStringLiteral("no such source: %1").arg(id);
        return false;
    }
    if (isBusy(kind, id))
        return true; // already queued or running: one refresh covers both requests
    auto job = std::make_shared<Job>();
    job->kind = kind;
    job->id = id;
    m_queue.append(job);
    Q_EMIT progressChanged(kind, id, progressJson(*job));
    if (!m_current)
        QTimer::singleShot(0, this, &SourceManager::startNext);
    return true;
}

bool SourceManager::isBusy(Kind kind, int id) const
{
    if (m_current && m_current->kind == kind && m_current->id == id)
        return true;
    for (const auto &job : m_queue) {
        if (job->kind == kind && job->id == id)
            return true;
    }
    return false;
}

QJsonObject SourceManager::progressJson(const Job &job) const
{
    return {{QStringLiteral("state"), job.state},
            {QStringLiteral("percent"), job.progress.percent},
            {QStringLiteral("items"), job.progress.items},
            {QStringLiteral("errors"), job.progress.errors}};
}

QJsonObject SourceManager::progress(Kind kind, int id) const
{
    if (m_current && m_current->kind == kind && m_current->id == id)
        return progressJson(*m_current);
    for (const auto &job : m_queue) {
        if (job->kind == kind && job->id == id)
            return progressJson(*job);
    }
    if (const auto it = m_lastProgress.constFind(key(kind, id)); it != m_lastProgress.cend())
        return *it;
    Job idle;
    idle.state = QStringLiteral("idle");
    return progressJson(idle);
}

void SourceManager::forget(Kind kind, int id)
{
    m_lastProgress.remove(key(kind, id));
    for (int i = int(m_queue.size()) - 1; i >= 0; --i) {
        if (m_queue.at(i)->kind == kind && m_queue.at(i)->id == id)
            m_queue.removeAt(i);
    }
    if (m_current && m_current->kind == kind && m_current->id == id) {
        m_current->cancelled = true;
        m_cancel = true;
        if (m_current->reply)
            m_current->reply->abort();
    }
}

void SourceManager::setProgress(const QString &state, const ImportProgress &progress)
{
    if (!m_current)
        return;
    m_current->state = state;
    m_current->progress = progress;
    Q_EMIT progressChanged(m_current->kind, m_current->id, progressJson(*m_current));
}

void SourceManager::startNext()
{
    if (m_current || m_queue.isEmpty())
        return;
    m_current = m_queue.takeFirst();
    m_cancel = false;
    const auto source = SourceStore::location(m_db->connection(), m_current->kind, m_current->id);
    if (!source) {
        ImportOutcome gone;
        gone.error = QStringLiteral("the source was deleted");
        finish(gone);
        return;
    }
    const QString location = source->location;
    qCInfo(lcCatalog).noquote() << "Refreshing" << kindName(m_current->kind) << "source"
                                << m_current->id << source->name << "from"
                                << displayLocation(location);
    Q_EMIT importStarted(m_current->kind, m_current->id, source->name);
    const QUrl url(location);
    if (isWeb(url)) {
        fetch(url);
        return;
    }
    runImport(url.isLocalFile() ? url.toLocalFile() : location);
}

void SourceManager::fetch(const QUrl &url)
{
    auto file = std::make_unique<QTemporaryFile>(
            QDir(QDir::tempPath()).filePath(QStringLiteral("acehub-source-XXXXXX")));
    if (!file->open()) {
        ImportOutcome failed;
        failed.error
                = QStringLiteral("cannot create a temporary file: %1").arg(file->errorString());
        finish(failed);
        return;
    }
    m_current->download = std::move(file);
    const Settings &settings = *m_settings;
    const qint64 maxBytes = settings.sourceFetchMaxBytes();
    QNetworkRequest request(url);
    request.setTransferTimeout(settings.sourceFetchTimeoutSeconds() * 1000);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("AceHub/" ACEHUB_VERSION));
    // Qt asks for and inflates Content-Encoding gzip itself; a .gz body is inflated on import.
    QNetworkReply *reply = m_network.get(request);
    // The size is also checked below, as the bytes are written; this bounds the time in all.
    ReplyLimit::apply(reply, maxBytes, settings.sourceFetchDeadlineSeconds() * 1000,
                      QStringLiteral("a source download"));
    m_current->reply = reply;
    std::shared_ptr<Job> job = m_current;
    setProgress(QStringLiteral("downloading"), {});
    auto tooLarge = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::readyRead, this, [this, job, reply, maxBytes, tooLarge]() {
        const QByteArray chunk = reply->readAll();
        if (job->download->size() + chunk.size() > maxBytes) {
            *tooLarge = true;
            reply->abort();
            return;
        }
        job->download->write(chunk);
        if (job->reported.isValid() && job->reported.elapsed() < 200)
            return;
        job->reported.start();
        const qint64 total = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        ImportProgress p;
        p.percent = total > 0 ? int(qMin<qint64>(100, job->download->size() * 100 / total)) : 0;
        if (m_current == job)
            setProgress(QStringLiteral("downloading"), p);
    });
    connect(reply, &QNetworkReply::finished, this, [this, job, reply, url, maxBytes, tooLarge]() {
        reply->deleteLater();
        if (m_current != job)
            return;
        ImportOutcome failed;
        if (const QString limit = ReplyLimit::exceeded(reply); !limit.isEmpty()) {
            failed.error = QStringLiteral("the download was %1").arg(limit);
        } else if (*tooLarge) {
            failed.error = QStringLiteral("the download is larger than the %1 MiB limit")
                                   .arg(maxBytes / (1024 * 1024));
        } else if (job->cancelled) {
            failed.error = QStringLiteral("cancelled");
        } else if (const int status
                   = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                   status != 0 && status != 200) {
            failed.error = QStringLiteral("HTTP status %1").arg(status);
        } else if (reply->error() != QNetworkReply::NoError) {
            failed.error = reply->error() == QNetworkReply::OperationCanceledError
                                   ? QStringLiteral("no answer within the timeout")
                                   : scrubbed(reply->errorString(), url);
        } else {
            job->download->write(reply->readAll());
            job->download->flush();
            runImport(job->download->fileName());
            return;
        }
        qCWarning(lcCatalog).noquote()
                << "Download of" << displayLocation(url.toString()) << "failed:" << failed.error;
        finish(failed);
    });
}

void SourceManager::runImport(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        ImportOutcome failed;
        failed.error = QStringLiteral("no such file: %1").arg(path);
        finish(failed);
        return;
    }
    setProgress(QStringLiteral("importing"), {});
    const Settings &settings = *m_settings;
    const Kind kind = m_current->kind;
    const int id = m_current->id;
    CatalogImport::Limits limits;
    limits.maxBytes = settings.sourceFetchMaxBytes();
    const int daysBack = settings.epgDaysBack();
    const int daysAhead = settings.epgDaysAhead();
    Database *db = m_db;
    auto outcome = std::make_shared<ImportOutcome>();
    auto lastReport = std::make_shared<QElapsedTimer>();
    ImportProgressFn report = [this, lastReport](const ImportProgress &p) {
        if (!lastReport->isValid() || lastReport->elapsed() >= 100 || p.percent == 100) {
            lastReport->start();
            QMetaObject::invokeMethod(
                    this, [this, p]() { setProgress(QStringLiteral("importing"), p); },
                    Qt::QueuedConnection);
        }
        return !m_cancel.load();
    };
    m_thread = QThread::create([=]() {
        Background::lowerThisThread(); // QThread's LowPriority does nothing on Linux
        {
            QSqlDatabase connection = db->connection();
            *outcome = kind == Kind::Channels
                               ? CatalogImport::importM3uFile(connection, id, path, limits, report)
                               : CatalogImport::importXmltvFile(connection, id, path, daysBack,
                                                                daysAhead, report);
        }
        db->releaseThreadConnection();
    });
    QThread *thread = m_thread;
    connect(thread, &QThread::finished, this, [this, thread, outcome]() {
        thread->wait();
        delete thread;
        if (m_thread == thread)
            m_thread = nullptr;
        finish(*outcome);
    });
    thread->start(QThread::LowPriority);
}

void SourceManager::finish(const ImportOutcome &outcome)
{
    std::shared_ptr<Job> job = std::move(m_current);
    m_current.reset();
    if (!job)
        return;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (outcome.ok) {
        if (job->kind == Kind::Channels)
            qCInfo(lcCatalog).noquote()
                    << QStringLiteral("Channel source %1 imported: %2 channels (%3 new, %4 "
                                      "updated, %5 now inactive), %6 skipped")
                               .arg(job->id)
                               .arg(outcome.imported)
                               .arg(outcome.added)
                               .arg(outcome.updated)
                               .arg(outcome.deactivated)
                               .arg(outcome.skipped);
        else
            qCInfo(lcCatalog).noquote()
                    << QStringLiteral("EPG source %1 imported: %2 channels, %3 programmes kept, %4 "
                                      "outside the window, %5 skipped")
                               .arg(job->id)
                               .arg(outcome.added)
                               .arg(outcome.imported)
                               .arg(outcome.outsideWindow)
                               .arg(outcome.skipped);
        for (const QString &problem : outcome.problems)
            qCDebug(lcCatalog).noquote() << "  skipped:" << problem;
    } else {
        qCWarning(lcCatalog).noquote()
                << QStringLiteral("%1 source %2 not imported, the catalog is unchanged: %3")
                           .arg(job->kind == Kind::Channels ? QStringLiteral("Channel")
                                                            : QStringLiteral("EPG"))
                           .arg(job->id)
                           .arg(outcome.error);
    }
    if (!job->cancelled) {
        const StoreResult recorded
                = SourceStore::recordOutcome(m_db->connection(), job->kind, job->id, outcome, now);
        if (!recorded.ok())
            qCWarning(lcCatalog) << "Cannot store the source status:" << recorded.error;
    }
    job->state = QStringLiteral("idle");
    job->progress.percent = outcome.ok ? 100 : job->progress.percent;
    m_lastProgress.insert(key(job->kind, job->id), progressJson(*job));
    Q_EMIT progressChanged(job->kind, job->id, progressJson(*job));
    QJsonObject result {{QStringLiteral("ok"), outcome.ok},
                        {QStringLiteral("imported"), outcome.imported},
                        {QStringLiteral("skipped"), outcome.skipped},
                        {QStringLiteral("errors"), job->progress.errors}};
    if (!outcome.ok)
        result.insert(QStringLiteral("error"), outcome.error);
    Q_EMIT importResult(job->kind, job->id, result);
    Q_EMIT importFinished(job->kind, job->id, outcome.ok, outcome.error);
    if (outcome.ok)
        Q_EMIT catalogChanged();
    if (!m_queue.isEmpty())
        QTimer::singleShot(0, this, &SourceManager::startNext);
}
