#include "logger.h"

#include <QDir>
#include <QMutexLocker>
#include <cstdio>

Q_LOGGING_CATEGORY(lcServer, "acehub.server")
Q_LOGGING_CATEGORY(lcHttp, "acehub.http")
Q_LOGGING_CATEGORY(lcStorage, "acehub.storage")
Q_LOGGING_CATEGORY(lcEngine, "acehub.engine")

namespace {
Logger *s_instance = nullptr;
}

QString LogLine::levelName() const
{
    switch (type) {
    case QtDebugMsg:
        return QStringLiteral("debug");
    case QtInfoMsg:
        return QStringLiteral("info");
    case QtWarningMsg:
        return QStringLiteral("warning");
    case QtCriticalMsg:
    case QtFatalMsg:
        return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

int LogLine::levelRank() const
{
    switch (type) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
    case QtFatalMsg:
        return 3;
    }
    return 1;
}

int LogLine::levelRank(const QString &level)
{
    static const QStringList levels {QStringLiteral("debug"), QStringLiteral("info"),
                                     QStringLiteral("warning"), QStringLiteral("error")};
    return int(levels.indexOf(level));
}

QString LogLine::format() const
{
    return QStringLiteral("%1 %2 [%3] %4")
            .arg(time.toString(Qt::ISODateWithMs), levelName().toUpper().leftJustified(7), category,
                 message);
}

Logger::Logger(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<LogLine>();
    Q_ASSERT(!s_instance);
    s_instance = this;
    m_writer = std::thread([this] { writerLoop(); });
    m_previousHandler = qInstallMessageHandler(&Logger::messageHandler);
}

Logger::~Logger()
{
    qInstallMessageHandler(m_previousHandler);
    s_instance = nullptr;
    {
        QMutexLocker lock(&m_queueMutex);
        m_stop = true; // the writer writes what is queued, then ends
        m_wake.wakeAll();
    }
    m_writer.join();
    QMutexLocker lock(&m_fileMutex);
    m_file.close();
}

Logger *Logger::instance()
{
    return s_instance;
}

bool Logger::isValidLevel(const QString &level)
{
    return LogLine::levelRank(level) >= 0;
}

void Logger::setLevel(const QString &level)
{
    QString rules;
    if (level == QLatin1String("debug"))
        rules = QStringLiteral("acehub.*=true");
    else if (level == QLatin1String("warning"))
        rules = QStringLiteral("acehub.*.debug=false\nacehub.*.info=false");
    else if (level == QLatin1String("error"))
        rules = QStringLiteral("acehub.*.debug=false\nacehub.*.info=false\nacehub.*.warning=false");
    else
        rules = QStringLiteral("acehub.*.debug=false\nacehub.*.info=true");
    QLoggingCategory::setFilterRules(rules);
}

void Logger::setCapacity(int lines)
{
    QMutexLocker lock(&m_mutex);
    m_capacity = qMax(1, lines);
    while (int(m_ring.size()) > m_capacity)
        m_ring.pop_front();
}

int Logger::capacity() const
{
    QMutexLocker lock(&m_mutex);
    return m_capacity;
}

bool Logger::openFile(const QString &dir, qint64 maxBytes, int keep, QString *error)
{
    flush(); // lines queued for a file open before go there
    QMutexLocker lock(&m_fileMutex);
    if (m_file.isOpen())
        m_file.close();
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = QStringLiteral("cannot create log directory %1").arg(dir);
        return false;
    }
    m_maxBytes = qMax<qint64>(4096, maxBytes);
    m_keep = qMax(1, keep);
    m_file.setFileName(QDir(dir).filePath(QStringLiteral("acehub.log")));
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        if (error)
            *error = m_file.errorString();
        return false;
    }
    QMutexLocker queueLock(&m_queueMutex);
    m_fileOpen = true;
    return true;
}

void Logger::closeFile()
{
    flush();
    {
        QMutexLocker queueLock(&m_queueMutex);
        m_fileOpen = false;
    }
    flush(); // a line that came in between
    QMutexLocker lock(&m_fileMutex);
    m_file.close();
}

void Logger::flush()
{
    QMutexLocker lock(&m_queueMutex);
    while (!m_queue.isEmpty() || m_writing)
        m_idle.wait(&m_queueMutex);
}

QString Logger::filePath() const
{
    QMutexLocker lock(&m_fileMutex);
    return m_file.fileName();
}

void Logger::setEchoToStderr(bool echo)
{
    QMutexLocker lock(&m_queueMutex);
    m_echo = echo;
}

QList<LogLine> Logger::tail(int lines) const
{
    QMutexLocker lock(&m_mutex);
    const int n = qBound(0, lines, int(m_ring.size()));
    return QList<LogLine>(m_ring.end() - n, m_ring.end());
}

QList<LogLine> Logger::page(quint64 beforeId, int limit, int minRank, const QString &search,
                            bool *hasMore) const
{
    QList<LogLine> out;
    *hasMore = false;
    QMutexLocker lock(&m_mutex);
    for (auto it = m_ring.rbegin(); it != m_ring.rend(); ++it) {
        if (beforeId != 0 && it->id >= beforeId)
            continue;
        if (it->levelRank() < minRank)
            continue;
        if (!search.isEmpty() && !it->message.contains(search, Qt::CaseInsensitive)
            && !it->category.contains(search, Qt::CaseInsensitive))
            continue;
        if (out.size() == limit) {
            *hasMore = true;
            break;
        }
        out.append(*it);
    }
    return out;
}

void Logger::messageHandler(QtMsgType type, const QMessageLogContext &context,
                            const QString &message)
{
    if (!s_instance) {
        fprintf(stderr, "%s\n", qPrintable(message));
        return;
    }
    LogLine line;
    line.time = QDateTime::currentDateTime();
    line.type = type;
    line.category = QString::fromLatin1(context.category ? context.category : "default");
    line.message = message;
    s_instance->append(std::move(line));
    if (type == QtFatalMsg)
        abort();
}

void Logger::append(LogLine line)
{
    {
        QMutexLocker lock(&m_mutex);
        line.id = m_nextId++;
        m_ring.push_back(line);
        if (int(m_ring.size()) > m_capacity)
            m_ring.pop_front();
    }
    const QByteArray text = line.format().toUtf8() + '\n';
    if (line.type == QtFatalMsg) {
        // abort() follows: no time for the writer.
        fwrite(text.constData(), 1, size_t(text.size()), stderr);
        fflush(stderr);
    }
    {
        QMutexLocker lock(&m_queueMutex);
        if (m_fileOpen || m_echo) {
            if (m_queue.size() + text.size() > kMaxQueuedBytes) {
                ++m_dropped;
            } else {
                m_queue += text;
                m_wake.wakeOne();
            }
        }
    }
    Q_EMIT lineLogged(line);
}

void Logger::writerLoop()
{
    QMutexLocker lock(&m_queueMutex);
    for (;;) {
        while (m_queue.isEmpty() && !m_stop)
            m_wake.wait(&m_queueMutex);
        if (m_queue.isEmpty() && m_stop)
            return;
        QByteArray text;
        text.swap(m_queue);
        if (m_dropped > 0) {
            text += QByteArrayLiteral("(") + QByteArray::number(m_dropped)
                    + QByteArrayLiteral(" log lines dropped: the log file did not keep up)\n");
            m_dropped = 0;
        }
        const bool echo = m_echo;
        const bool toFile = m_fileOpen;
        m_writing = true;
        lock.unlock();
        if (echo) {
            fwrite(text.constData(), 1, size_t(text.size()), stderr);
            fflush(stderr);
        }
        if (toFile) {
            QMutexLocker fileLock(&m_fileMutex);
            writeToFile(text);
        }
        lock.relock();
        m_writing = false;
        if (m_queue.isEmpty())
            m_idle.wakeAll();
    }
}

void Logger::writeToFile(const QByteArray &text)
{
    if (!m_file.isOpen())
        return;
    // Rotation is by whole lines: a batch is split where it would pass the size.
    qsizetype from = 0;
    while (from < text.size() && m_file.isOpen()) {
        const qint64 room = m_maxBytes - m_file.size();
        qsizetype to = text.size();
        if (to - from > room) {
            const qsizetype cut = text.lastIndexOf('\n', from + qMax<qint64>(room, 0) - 1);
            if (cut >= from) {
                to = cut + 1;
            } else if (m_file.size() > 0) {
                rotateLocked();
                continue;
            } else {
                to = text.indexOf('\n', from) + 1; // one line longer than the file may be
                if (to <= 0)
                    to = text.size();
            }
        }
        m_file.write(text.constData() + from, to - from);
        from = to;
        if (from < text.size())
            rotateLocked();
    }
    m_file.flush();
}

void Logger::rotateLocked()
{
    const QString base = m_file.fileName();
    m_file.close();
    QFile::remove(base + QLatin1Char('.') + QString::number(m_keep));
    for (int i = m_keep - 1; i >= 1; --i)
        QFile::rename(base + QLatin1Char('.') + QString::number(i),
                      base + QLatin1Char('.') + QString::number(i + 1));
    QFile::rename(base, base + QStringLiteral(".1"));
    m_file.setFileName(base);
    m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
}
