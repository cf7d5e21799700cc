#pragma once

#include <QDateTime>
#include <QFile>
#include <QList>
#include <QLoggingCategory>
#include <QMutex>
#include <QObject>
#include <deque>

Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcEngine)

// One line of the log as the GUI, the API and the file see it.
struct LogLine
{
    QDateTime time;
    QtMsgType type = QtInfoMsg;
    QString category;
    QString message;

    QString levelName() const;
    QString format() const;
};
Q_DECLARE_METATYPE(LogLine)

// Gathers every Qt log message into a ring buffer (for the GUI and /api/logs), a rotating file
// in the data directory and a signal per line. The message handler is process-wide, so there
// is one Logger; its methods are thread-safe.
class Logger final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Logger)

public:
    explicit Logger(QObject *parent = nullptr);
    ~Logger() override;

    static Logger *instance();

    // "debug", "info", "warning" or "error": the least severe level of acehub.* that is kept.
    static bool isValidLevel(const QString &level);
    void setLevel(const QString &level);

    void setCapacity(int lines);
    int capacity() const;

    // Opens (appending) <dir>/acehub.log; rotates to acehub.log.1 … .<keep> past maxBytes.
    bool openFile(const QString &dir, qint64 maxBytes, int keep, QString *error = nullptr);
    void closeFile();
    QString filePath() const;

    // Also print to stderr (the daemon's journal); the GUI turns it off.
    void setEchoToStderr(bool echo);

    QList<LogLine> tail(int lines) const;

Q_SIGNALS:
    void lineLogged(const LogLine &line);

private:
    static void messageHandler(QtMsgType type, const QMessageLogContext &context,
                               const QString &message);
    void append(LogLine line);
    void rotateLocked();

    mutable QMutex m_mutex;
    std::deque<LogLine> m_ring;
    int m_capacity = 2000;
    QFile m_file;
    qint64 m_maxBytes = 5 * 1024 * 1024;
    int m_keep = 3;
    bool m_echo = true;
    QtMessageHandler m_previousHandler = nullptr;
};
