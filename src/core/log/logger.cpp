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
    m_previousHandler = qInstallMessageHandler(&Logger::messageHandler);
}

Logger::~Logger()
{
    qInstallMessageHandler(m_previousHandler);
    s_instance = nullptr;
}

Logger *Logger::instance()
{
    return s_instance;
}

bool Logger::isValidLevel(const QString &level)
{
    static const QStringList levels {QStringLiteral("debug"), QStringLiteral("info"),
                                     QStringLiteral("warning"), QStringLiteral("error")};
    return levels.contains(level);
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
    QMutexLocker lock(&m_mutex);
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
    return true;
}

void Logger::closeFile()
{
    QMutexLocker lock(&m_mutex);
    m_file.close();
}

QString Logger::filePath() const
{
    QMutexLocker lock(&m_mutex);
    return m_file.fileName();
}

void Logger::setEchoToStderr(bool echo)
{
    QMutexLocker lock(&m_mutex);
    m_echo = echo;
}

QList<LogLine> Logger::tail(int lines) const
{
    QMutexLocker lock(&m_mutex);
    const int n = qBound(0, lines, int(m_ring.size()));
    return QList<LogLine>(m_ring.end() - n, m_ring.end());
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
    const QByteArray text = line.format().toUtf8() + '\n';
    {
        QMutexLocker lock(&m_mutex);
        if (m_echo) {
            fwrite(text.constData(), 1, size_t(text.size()), stderr);
            fflush(stderr);
        }
        if (m_file.isOpen()) {
            if (m_file.size() + text.size() > m_maxBytes)
                rotateLocked();
            if (m_file.isOpen()) {
                m_file.write(text);
                m_file.flush();
            }
        }
        m_ring.push_back(line);
        if (int(m_ring.size()) > m_capacity)
            m_ring.pop_front();
    }
    Q_EMIT lineLogged(line);
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
