#pragma once

#include <QDateTime>
#include <QFile>
#include <QList>
#include <QLoggingCategory>
#include <QMutex>
#include <QObject>
#include <QWaitCondition>
#include <deque>
#include <thread>

Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcEngine)

// One line of the log as the GUI, the API and the file see it.
struct LogLine
{
    quint64 id = 0; // counts up from 1 at start-up (paging of /api/logs)
    QDateTime time;
    QtMsgType type = QtInfoMsg;
    QString category;
    QString message;

    QString levelName() const;
    // 0 debug, 1 info, 2 warning, 3 error: compares with levelRank().
    int levelRank() const;
    QString format() const;

    // "debug" … "error" -> 0 … 3; -1 for anything else.
    static int levelRank(const QString &level);
};
Q_DECLARE_METATYPE(LogLine)

// Gathers every Qt log message into a ring buffer (for the GUI and /api/logs), a rotating file
// in the data directory and a signal per line. The message handler is process-wide, so there
// is one Logger; its methods are thread-safe. The ring and the signal are immediate; the file
// (and the stderr echo) are written by a thread of the Logger's own, so a caller never waits
// for the disk. closeFile() and the destructor write everything queued first.
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
    // Writes what is queued, then closes: waits for the disk (at shutdown only).
    void closeFile();
    // Waits until every line logged so far is written to the file and stderr.
    void flush();
    QString filePath() const;

    // Also print to stderr (the daemon's journal); the GUI turns it off.
    void setEchoToStderr(bool echo);

    QList<LogLine> tail(int lines) const;
    // Paging: up to limit lines older than beforeId (0: the newest), newest first, of at least
    // minRank (LogLine::levelRank) and containing search (case-insensitive; empty: any).
    // *hasMore: older matching lines remain in the ring.
    QList<LogLine> page(quint64 beforeId, int limit, int minRank, const QString &search,
                        bool *hasMore) const;

Q_SIGNALS:
    void lineLogged(const LogLine &line);

private:
    static void messageHandler(QtMsgType type, const QMessageLogContext &context,
                               const QString &message);
    void append(LogLine line);
    void writerLoop();
    void writeToFile(const QByteArray &text); // writer thread, m_fileMutex held
    void rotateLocked();

    // A disk that stops answering must not grow the queue without end: past this the newest
    // lines are counted, not queued, and the count is written once the disk answers again.
    static constexpr qsizetype kMaxQueuedBytes = 8 * 1024 * 1024;

    mutable QMutex m_mutex; // the ring, the capacity, the line ids
    std::deque<LogLine> m_ring;
    int m_capacity = 2000;
    quint64 m_nextId = 1;

    QMutex m_queueMutex; // what the writer thread has still to write
    QWaitCondition m_wake; // work for the writer, or stop
    QWaitCondition m_idle; // the writer has written everything
    QByteArray m_queue;
    qint64 m_dropped = 0;
    bool m_writing = false;
    bool m_stop = false;
    bool m_echo = true;
    bool m_fileOpen = false; // lines are queued for the file only while it is open

    mutable QMutex m_fileMutex; // the file: opened/closed by callers, written by the writer
    QFile m_file;
    qint64 m_maxBytes = 5 * 1024 * 1024;
    int m_keep = 3;

    std::thread m_writer;
    QtMessageHandler m_previousHandler = nullptr;
};
