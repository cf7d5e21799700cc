// acehub-bench: N players on one or more AceStream ids against a real acehub and
// acehub-fake-engine. Prints AceHub's CPU seconds per GB delivered, peak RSS and RSS per added
// player, the first byte times of the players (all connecting within --ramp-ms), the longest
// gap each reading player saw, the first byte and first keyframe of players joining a running
// stream, /api/health latency under load, recoveries and the players dropped. Scenarios (see
// docs/benchmark.md): --players 1000; a join storm (--players 500 --ramp-ms 1000); engine
// drops (--drop-every-s 20); joins at a keyframe (--long-gop --joins 20); --channels 50.
// Players are plain non-blocking sockets on one epoll thread, so the client costs little next
// to what it measures.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>

#include "stream/tsscanner.h"

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <random>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

int connectTo(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
        ::close(fd);
        return -1;
    }
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

bool sendAll(int fd, const std::string &s)
{
    return ::send(fd, s.data(), s.size(), MSG_NOSIGNAL) == ssize_t(s.size());
}

struct Player
{
    int fd = -1;
    std::string head;
    bool headersDone = false;
    std::atomic<int> status {0};
    bool aligned = false;
    std::atomic<long long> bytes {0};
    std::atomic<bool> closed {false};
    Clock::time_point connectedAt;
    std::atomic<double> firstByteMs {-1};
    Clock::time_point lastRead;
    std::atomic<double> maxGapMs {0}; // between two reads, after the first body byte
};

// All players on one epoll thread: read and discard, count bytes.
class Load
{
public:
    explicit Load(size_t capacity) : m_players(capacity) { m_epoll = epoll_create1(0); }
    ~Load()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
        for (Player &p : m_players)
            if (p.fd >= 0)
                ::close(p.fd);
        ::close(m_epoll);
    }
    void start()
    {
        m_thread = std::thread([this] { run(); });
    }
    bool add(quint16 port, const std::string &request)
    {
        const auto t0 = Clock::now();
        const int fd = connectTo(port);
        if (fd < 0 || !sendAll(fd, request))
            return false;
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
        Player &p = m_players[m_count];
        p.connectedAt = t0;
        p.fd = fd;
        epoll_event ev {};
        ev.events = EPOLLIN;
        ev.data.u64 = m_count;
        ++m_count;
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev);
        return true;
    }
    size_t count() const { return m_count; }
    long long totalBytes() const
    {
        long long sum = 0;
        for (size_t i = 0; i < m_count; ++i)
            sum += m_players[i].bytes.load(std::memory_order_relaxed);
        return sum;
    }
    std::vector<long long> bytesPerPlayer() const
    {
        std::vector<long long> out;
        for (size_t i = 0; i < m_count; ++i)
            out.push_back(m_players[i].bytes.load(std::memory_order_relaxed));
        return out;
    }
    std::vector<double> firstByteMs(size_t from) const
    {
        std::vector<double> out;
        for (size_t i = from; i < m_count; ++i)
            out.push_back(m_players[i].firstByteMs.load());
        return out;
    }
    // Forgets the gaps seen so far (the ramp, the warm-up).
    void resetGaps() { m_resetGaps = true; }
    std::vector<double> maxGapsMs() const
    {
        std::vector<double> out;
        for (size_t i = 0; i < m_count; ++i)
            out.push_back(m_players[i].maxGapMs.load());
        return out;
    }
    int closedCount() const
    {
        int n = 0;
        for (size_t i = 0; i < m_count; ++i)
            n += m_players[i].closed.load() ? 1 : 0;
        return n;
    }
    // How many got an answer with this status (0: no answer yet).
    int withStatus(int status) const
    {
        int n = 0;
        for (size_t i = 0; i < m_count; ++i)
            n += m_players[i].status.load() == status ? 1 : 0;
        return n;
    }
    int misaligned() const
    {
        int n = 0;
        for (size_t i = 0; i < m_count; ++i)
            n += (m_players[i].headersDone && m_players[i].bytes > 0 && !m_players[i].aligned) ? 1
                                                                                               : 0;
        return n;
    }

private:
    void run()
    {
        std::vector<char> buffer(256 * 1024);
        epoll_event events[256];
        while (!m_stop) {
            if (m_resetGaps.exchange(false)) {
                for (size_t i = 0; i < m_count; ++i)
                    m_players[i].maxGapMs = 0;
            }
            const int n = epoll_wait(m_epoll, events, 256, 100);
            for (int i = 0; i < n; ++i) {
                Player &p = m_players[events[i].data.u64];
                for (;;) {
                    const ssize_t got = ::recv(p.fd, buffer.data(), buffer.size(), 0);
                    if (got > 0) {
                        const auto now = Clock::now();
                        if (p.firstByteMs.load() >= 0) {
                            const double gap
                                    = std::chrono::duration<double, std::milli>(now - p.lastRead)
                                              .count();
                            if (gap > p.maxGapMs.load())
                                p.maxGapMs = gap;
                        }
                        p.lastRead = now;
                        const char *data = buffer.data();
                        size_t size = size_t(got);
                        if (!p.headersDone) {
                            p.head.append(data, size);
                            const size_t end = p.head.find("\r\n\r\n");
                            if (end == std::string::npos)
                                continue;
                            p.headersDone = true;
                            p.status = std::atoi(p.head.c_str() + 9);
                            const size_t body = p.head.size() - end - 4;
                            if (body > 0) {
                                p.aligned = p.head[end + 4] == 0x47;
                                p.firstByteMs = std::chrono::duration<double, std::milli>(
                                                        now - p.connectedAt)
                                                        .count();
                            }
                            p.bytes += (long long)body;
                            continue;
                        }
                        if (p.bytes == 0) {
                            p.aligned = data[0] == 0x47;
                            p.firstByteMs
                                    = std::chrono::duration<double, std::milli>(now - p.connectedAt)
                                              .count();
                        }
                        p.bytes.fetch_add(got, std::memory_order_relaxed);
                        if (got < ssize_t(buffer.size()))
                            break;
                        continue;
                    }
                    if (got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
                        p.closed = true;
                        epoll_ctl(m_epoll, EPOLL_CTL_DEL, p.fd, nullptr);
                    }
                    break;
                }
            }
        }
    }

    std::vector<Player> m_players;
    size_t m_count = 0;
    int m_epoll = -1;
    std::atomic<bool> m_stop {false};
    std::atomic<bool> m_resetGaps {false};
    std::thread m_thread;
};

struct ProcStat
{
    double cpuSeconds = 0;
    long rssKiB = 0;
    long hwmKiB = 0;
};

ProcStat procStat(qint64 pid)
{
    ProcStat s;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray line = stat.readAll();
        const QList<QByteArray> f = line.mid(line.lastIndexOf(')') + 2).split(' ');
        // After the comm: state is field 3; utime and stime are fields 14 and 15.
        const double ticks = double(sysconf(_SC_CLK_TCK));
        s.cpuSeconds = (f.value(11).toLongLong() + f.value(12).toLongLong()) / ticks;
    }
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &l : status.readAll().split('\n')) {
            if (l.startsWith("VmRSS:"))
                s.rssKiB = l.mid(6).trimmed().split(' ').value(0).toLong();
            if (l.startsWith("VmHWM:"))
                s.hwmKiB = l.mid(6).trimmed().split(' ').value(0).toLong();
        }
    }
    return s;
}

bool waitPort(quint16 port, int timeoutMs)
{
    const auto t0 = Clock::now();
    while (msSince(t0) < timeoutMs) {
        const int fd = connectTo(port);
        if (fd >= 0) {
            ::close(fd);
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

// One blocking request on a fresh connection; returns ms until the whole answer (or the first
// body byte when firstByteOnly), -1 on failure. *firstBody gets the first body byte.
double timedRequest(quint16 port, const std::string &request, bool firstByteOnly,
                    char *firstBody = nullptr)
{
    const auto t0 = Clock::now();
    const int fd = connectTo(port);
    if (fd < 0 || !sendAll(fd, request))
        return -1;
    std::string got;
    char buf[16384];
    long long contentLength = -1;
    double result = -1;
    pollfd pfd {fd, POLLIN, 0};
    while (poll(&pfd, 1, 5000) > 0) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        got.append(buf, size_t(n));
        const size_t end = got.find("\r\n\r\n");
        if (end == std::string::npos)
            continue;
        if (firstByteOnly) {
            if (got.size() > end + 4) {
                if (firstBody)
                    *firstBody = got[end + 4];
                result = msSince(t0);
                break;
            }
            continue;
        }
        if (contentLength < 0) {
            const size_t at = got.find("Content-Length:");
            contentLength = at == std::string::npos ? 0 : std::atoll(got.c_str() + at + 15);
        }
        if ((long long)(got.size() - end - 4) >= contentLength) {
            result = msSince(t0);
            break;
        }
    }
    ::close(fd);
    return result;
}

// A player joining on a fresh connection: ms until its first body byte and until the first
// packet of its first keyframe (with the PAT and PMT before it), -1 when not seen in 8 MB.
struct Join
{
    double firstByteMs = -1;
    double keyframeMs = -1;
    char first = 0;
};

Join timedJoin(quint16 port, const std::string &request)
{
    Join j;
    const auto t0 = Clock::now();
    const int fd = connectTo(port);
    if (fd < 0 || !sendAll(fd, request))
        return j;
    std::string head;
    bool headersDone = false;
    TsScanner scanner;
    long long body = 0;
    char buf[65536];
    pollfd pfd {fd, POLLIN, 0};
    while (body < 8000000 && poll(&pfd, 1, 10000) > 0) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        QByteArray data(buf, int(n));
        if (!headersDone) {
            head.append(buf, size_t(n));
            const size_t end = head.find("\r\n\r\n");
            if (end == std::string::npos)
                continue;
            headersDone = true;
            data = QByteArray(head.data() + end + 4, int(head.size() - end - 4));
            if (data.isEmpty())
                continue;
        }
        if (j.firstByteMs < 0) {
            j.firstByteMs = msSince(t0);
            j.first = data.at(0);
        }
        body += data.size();
        if (scanner.feed(data).keyframe != TsScanner::kNone) {
            j.keyframeMs = msSince(t0);
            break;
        }
    }
    ::close(fd);
    return j;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p / 100.0 * double(v.size())))];
}

void sleepMs(int ms)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

// One request on a fresh connection, read to the end of its answer (Content-Length); the
// status, or -1; *body gets the answer's body.
int exchange(quint16 port, const std::string &request, std::string *body, int timeoutMs = 120000)
{
    const int fd = connectTo(port);
    if (fd < 0)
        return -1;
    // Large bodies (a restore) are written blocking, then the answer is read.
    if (!sendAll(fd, request)) {
        ::close(fd);
        return -1;
    }
    std::string got;
    std::vector<char> buf(1 << 16);
    long long contentLength = -1;
    size_t end = std::string::npos;
    int status = -1;
    pollfd pfd {fd, POLLIN, 0};
    while (poll(&pfd, 1, timeoutMs) > 0) {
        const ssize_t n = ::recv(fd, buf.data(), buf.size(), 0);
        if (n <= 0)
            break;
        got.append(buf.data(), size_t(n));
        if (end == std::string::npos) {
            end = got.find("\r\n\r\n");
            if (end == std::string::npos)
                continue;
            status = std::atoi(got.c_str() + 9);
            const size_t at = got.find("Content-Length:");
            contentLength
                    = at == std::string::npos || at > end ? 0 : std::atoll(got.c_str() + at + 15);
        }
        if ((long long)(got.size() - end - 4) >= contentLength)
            break;
    }
    ::close(fd);
    if (body && end != std::string::npos)
        *body = got.substr(end + 4);
    return status;
}

std::string adminRequest(const std::string &method, const std::string &path,
                         const std::string &basic, const std::string &body = {})
{
    return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + basic
           + "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size())
           + "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Load benchmark of AceHub's stream proxy."));
    parser.addHelpOption();
    const QCommandLineOption players(QStringLiteral("players"),
                                     QStringLiteral("Players (default 200)."), QStringLiteral("n"),
                                     QStringLiteral("200"));
    const QCommandLineOption bitrate(QStringLiteral("bitrate-kbps"),
                                     QStringLiteral("Stream rate in kbit/s (default 8000)."),
                                     QStringLiteral("kbps"), QStringLiteral("8000"));
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      QStringLiteral("Measured seconds (default 30)."),
                                      QStringLiteral("s"), QStringLiteral("30"));
    const QCommandLineOption warmup(
            QStringLiteral("warmup"),
            QStringLiteral("Seconds after the ramp before measuring (default 5)."),
            QStringLiteral("s"), QStringLiteral("5"));
    const QCommandLineOption acehub(QStringLiteral("acehub"), QStringLiteral("acehub binary."),
                                    QStringLiteral("path"), QStringLiteral(ACEHUB_BINARY));
    const QCommandLineOption engineBin(QStringLiteral("fake-engine"),
                                       QStringLiteral("acehub-fake-engine binary."),
                                       QStringLiteral("path"), QStringLiteral(FAKE_ENGINE_BINARY));
    const QCommandLineOption readChunk(
            QStringLiteral("read-chunk-kib"),
            QStringLiteral("AceHub's stream_read_chunk_kib (default: its own)."),
            QStringLiteral("kib"));
    const QCommandLineOption keepLogs(QStringLiteral("keep-logs"),
                                      QStringLiteral("Keep the data directory with both logs."));
    const QCommandLineOption eventClients(
            QStringLiteral("event-clients"),
            QStringLiteral("After the main run, AceHub's CPU over another window without, then "
                           "one with this many idle /api/events clients (default 0: skipped)."),
            QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption channels(
            QStringLiteral("channels"),
            QStringLiteral("Channels the players are spread over (default 1)."),
            QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption ramp(
            QStringLiteral("ramp-ms"),
            QStringLiteral("Spread the players' connects over this long (default 0: at once)."),
            QStringLiteral("ms"), QStringLiteral("0"));
    const QCommandLineOption dropEvery(
            QStringLiteral("drop-every-s"),
            QStringLiteral("The engine drops every playback after this many seconds of it."),
            QStringLiteral("s"));
    const QCommandLineOption longGop(
            QStringLiteral("long-gop"),
            QStringLiteral("The engine plays the sample with a keyframe every 4 s."));
    const QCommandLineOption joinsOption(
            QStringLiteral("joins"),
            QStringLiteral("Players joining the running stream at random times (default 10)."),
            QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption hubEnv(QStringLiteral("hub-env"),
                                    QStringLiteral("KEY=VALUE for AceHub's environment."),
                                    QStringLiteral("env"));
    const QCommandLineOption admin(
            QStringLiteral("admin"),
            QStringLiteral("The admin scenario instead of the proxy's measurements: a catalog of "
                           "50,000 channels and 200,000 programmes, then backup, restore, export, "
                           "a 5,000-channel list and a search in turn while /api/health is polled "
                           "every 10 ms (use with --players 50)."));
    parser.addOptions({players, bitrate, duration, warmup, acehub, engineBin, readChunk, keepLogs,
                       channels, ramp, dropEvery, longGop, joinsOption, hubEnv, eventClients,
                       admin});
    parser.process(app);
    const int n = std::max(1, parser.value(players).toInt());
    const int channelCount = std::max(1, parser.value(channels).toInt());
    const int rampMs = parser.value(ramp).toInt();
    const int kbps = parser.value(bitrate).toInt();
    const int seconds = parser.value(duration).toInt();

    QTemporaryDir dir;
    dir.setAutoRemove(!parser.isSet(keepLogs));
    const quint16 enginePort = freePort();
    const quint16 port = freePort();
    QProcess engine;
    engine.setStandardOutputFile(dir.filePath(QStringLiteral("fake-engine.log")));
    engine.setStandardErrorFile(dir.filePath(QStringLiteral("fake-engine.log")), QIODevice::Append);
    QStringList engineArgs {QStringLiteral("--port"), QString::number(enginePort),
                            QStringLiteral("--bitrate-kbps"), QString::number(kbps)};
    if (parser.isSet(dropEvery))
        engineArgs << QStringLiteral("--close-after-bytes")
                   << QString::number(qint64(kbps) * 125 * parser.value(dropEvery).toLongLong());
    if (parser.isSet(longGop))
        engineArgs << QStringLiteral("--long-gop");
    engine.start(parser.value(engineBin), engineArgs);
    // A known admin password for the event clients (Basic auth).
    const QString adminPassword = QStringLiteral("bench-admin-password");
    {
        QProcess setPassword;
        setPassword.start(parser.value(acehub), {QStringLiteral("--data-dir"), dir.path(),
                                                 QStringLiteral("--set-admin-password")});
        setPassword.write((adminPassword + QLatin1Char('\n')).toUtf8());
        setPassword.closeWriteChannel();
        setPassword.waitForFinished(30000);
    }
    QProcess hub;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (parser.isSet(readChunk))
        env.insert(QStringLiteral("ACEHUB_STREAM_READ_CHUNK_KIB"), parser.value(readChunk));
    env.insert(QStringLiteral("ACEHUB_MAX_ENGINE_SESSIONS"),
               QString::number(std::max(8, channelCount)));
    // Every player is an anonymous /ace player from 127.0.0.1: lift the limits meant for one
    // hostile host (docs/security.md).
    env.insert(QStringLiteral("ACEHUB_ACE_ANONYMOUS_SESSIONS"),
               QString::number(std::max(8, channelCount)));
    env.insert(QStringLiteral("ACEHUB_HTTP_MAX_CONNECTIONS_PER_ADDRESS"), QStringLiteral("100000"));
    for (const QString &kv : parser.values(hubEnv))
        env.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    hub.setProcessEnvironment(env);
    hub.setStandardOutputFile(dir.filePath(QStringLiteral("acehub.log")));
    hub.setStandardErrorFile(dir.filePath(QStringLiteral("acehub.log")), QIODevice::Append);
    hub.start(parser.value(acehub),
              {QStringLiteral("--daemon"), QStringLiteral("--data-dir"), dir.path(),
               QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
               QString::number(port), QStringLiteral("--engine"),
               QStringLiteral("127.0.0.1:%1").arg(enginePort)});
    if (!engine.waitForStarted() || !hub.waitForStarted() || !waitPort(enginePort, 15000)
        || !waitPort(port, 15000)) {
        fprintf(stderr, "acehub-bench: acehub or the fake engine did not start (logs in %s)\n",
                qPrintable(dir.path()));
        dir.setAutoRemove(false);
        return 1;
    }
    const qint64 pid = hub.processId();
    const auto requestFor = [](int channel) {
        char id[41];
        snprintf(id, sizeof id, "%08x0123456789abcdef0123456789abcdef", channel);
        return "GET /ace/getstream?id=" + std::string(id, 40)
               + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: acehub-bench\r\n\r\n";
    };
    const std::string request = requestFor(0);
    printf("acehub-bench: %d players on %d channel(s) x %d kbit/s, %d s measured (acehub pid %lld, "
           "port %u)\n",
           n, channelCount, kbps, seconds, pid, port);
    fflush(stdout);

    Load load(size_t(n) + 4);
    load.start();
    // One player first, for the baseline memory.
    load.add(port, request);
    const auto startT = Clock::now();
    while (load.totalBytes() == 0 && msSince(startT) < 30000)
        sleepMs(10);
    printf("  first player's first byte after %.0f ms (engine session start)\n", msSince(startT));
    sleepMs(3000);
    const ProcStat one = procStat(pid);

    const auto rampT = Clock::now();
    for (int i = 1; i < n; ++i) {
        if (rampMs > 0) {
            const double due = double(rampMs) * (i - 1) / std::max(1, n - 1);
            while (msSince(rampT) < due)
                std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        if (!load.add(port, requestFor(i % channelCount)))
            fprintf(stderr, "acehub-bench: player %d could not connect\n", i + 1);
    }
    const double rampTook = msSince(rampT);
    sleepMs(parser.value(warmup).toInt() * 1000);
    const std::vector<double> rampFirstBytes = load.firstByteMs(1);
    load.resetGaps();
    const ProcStat loaded = procStat(pid);

    if (parser.isSet(admin)) {
        const std::string basic
                = QByteArray("admin:" + adminPassword.toUtf8()).toBase64().toStdString();
        // The catalog, imported from files as sources are.
        {
            QFile m3u(dir.filePath(QStringLiteral("bench.m3u")));
            m3u.open(QIODevice::WriteOnly);
            QByteArray text = "#EXTM3U\n";
            for (int i = 0; i < 50000; ++i)
                text += QStringLiteral(
                                "#EXTINF:-1 tvg-id=\"ch%1\" group-title=\"Group %2\",Channel "
                                "%1\nacestream://%3\n")
                                .arg(i)
                                .arg(i % 40)
                                .arg(QStringLiteral("%1").arg(i, 40, 16, QLatin1Char('0')))
                                .toUtf8();
            m3u.write(text);
            QFile xml(dir.filePath(QStringLiteral("bench.xml")));
            xml.open(QIODevice::WriteOnly);
            const qint64 start = QDateTime::currentSecsSinceEpoch() / 3600 * 3600 - 3600;
            auto stamp = [](qint64 t) {
                return QDateTime::fromSecsSinceEpoch(t, Qt::UTC)
                        .toString(QStringLiteral("yyyyMMddHHmmss +0000"));
            };
            QByteArray guide = "<?xml version=\"1.0\"?>\n<tv>\n";
            for (int c = 0; c < 50000; ++c)
                guide += QStringLiteral("<channel id=\"ch%1\"><display-name>Channel "
                                        "%1</display-name></channel>\n")
                                 .arg(c)
                                 .toUtf8();
            for (int c = 0; c < 50000; ++c)
                for (int p = 0; p < 4; ++p)
                    guide += QStringLiteral("<programme start=\"%1\" stop=\"%2\" channel=\"ch%3\">"
                                            "<title>Show %4</title></programme>\n")
                                     .arg(stamp(start + p * 3600), stamp(start + (p + 1) * 3600))
                                     .arg(c)
                                     .arg(p)
                                     .toUtf8();
            guide += "</tv>\n";
            xml.write(guide);
        }
        auto importFrom = [&](const std::string &base, const QString &file) {
            std::string answer;
            const std::string body = "{\"name\": \"bench\", \"location\": \""
                                     + dir.filePath(file).toStdString() + "\"}";
            if (exchange(port, adminRequest("POST", base, basic, body), &answer) != 201)
                return false;
            const auto idAt = answer.find("\"id\":");
            if (idAt == std::string::npos)
                return false;
            const std::string id = std::to_string(std::atoi(answer.c_str() + idAt + 5));
            const auto t = Clock::now();
            while (msSince(t) < 600000) {
                exchange(port, adminRequest("GET", base + "/" + id + "/status", basic), &answer);
                if (answer.find("\"last_status\":\"ok\"") != std::string::npos)
                    return true;
                if (answer.find("\"last_status\":\"error\"") != std::string::npos)
                    return false;
                sleepMs(500);
            }
            return false;
        };
        const auto importT = Clock::now();
        if (!importFrom("/api/sources", QStringLiteral("bench.m3u"))
            || !importFrom("/api/epg-sources", QStringLiteral("bench.xml"))) {
            fprintf(stderr, "acehub-bench: the catalog import failed (logs in %s)\n",
                    qPrintable(dir.path()));
            dir.setAutoRemove(false);
            return 1;
        }
        printf("  catalog              50,000 channels and 200,000 programmes imported in %.1f s\n",
               msSince(importT) / 1000);
        fflush(stdout);

        std::vector<double> polls;
        std::vector<double> pollStarts; // ms since pollT, for the worst poll of each step
        const auto pollT = Clock::now();
        std::mutex pollLock;
        std::atomic<bool> stopPolling {false};
        std::thread poller([&] {
            const std::string req = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            while (!stopPolling) {
                const double at = msSince(pollT);
                const double ms = timedRequest(port, req, false);
                {
                    std::lock_guard<std::mutex> g(pollLock);
                    polls.push_back(ms < 0 ? 5000 : ms);
                    pollStarts.push_back(at);
                }
                sleepMs(10);
            }
        });
        // The slowest health answer whose request was sent in [from, to) ms since pollT.
        auto worstPollIn = [&](double from, double to) {
            std::lock_guard<std::mutex> g(pollLock);
            double worst = 0;
            for (size_t i = 0; i < polls.size(); ++i)
                if (pollStarts[i] >= from && pollStarts[i] < to)
                    worst = std::max(worst, polls[i]);
            return worst;
        };
        sleepMs(1000);
        load.resetGaps();
        const ProcStat adminCpu0 = procStat(pid);
        const auto adminT = Clock::now();
        auto step = [&](const char *what, const std::string &request, std::string *body) {
            const auto t = Clock::now();
            const double from = msSince(pollT);
            const int status = exchange(port, request, body);
            const double to = msSince(pollT);
            printf("  %-20s %d in %.0f ms (%zu bytes); slowest health meanwhile %.1f ms\n",
                   what, status, msSince(t), body ? body->size() : size_t(0),
                   worstPollIn(from, to));
            fflush(stdout);
        };
        std::string backup;
        std::string scratch;
        step("backup", adminRequest("GET", "/api/backup", basic), &backup);
        step("restore", adminRequest("POST", "/api/restore", basic, backup), &scratch);
        step("export", adminRequest("GET", "/api/export.m3u", basic), &scratch);
        step("list of 5,000", adminRequest("GET", "/api/channels?limit=5000", basic), &scratch);
        step("search", adminRequest("GET", "/api/channels?search=Channel%20123", basic), &scratch);
        sleepMs(1000);
        const double adminSeconds = msSince(adminT) / 1000;
        stopPolling = true;
        poller.join();
        const std::vector<double> gaps = load.maxGapsMs();
        printf("\nAdmin results (load average %s)\n",
               [] {
                   QFile f(QStringLiteral("/proc/loadavg"));
                   f.open(QIODevice::ReadOnly);
                   return f.readAll().trimmed();
               }()
                       .constData());
        printf("  /api/health          p50 %.1f ms, p99 %.1f ms, max %.1f ms (%zu polls over %.1f "
               "s)\n",
               percentile(polls, 50), percentile(polls, 99),
               polls.empty() ? -1 : *std::max_element(polls.begin(), polls.end()), polls.size(),
               adminSeconds);
        printf("  longest gap a player saw  p50 %.0f ms, max %.0f ms (%d players)\n",
               percentile(gaps, 50),
               gaps.empty() ? -1 : *std::max_element(gaps.begin(), gaps.end()), int(gaps.size()));
        printf("  players dropped      %d\n", load.closedCount());
        printf("  AceHub CPU           %.1f s during the admin steps\n",
               procStat(pid).cpuSeconds - adminCpu0.cpuSeconds);
        const int droppedPlayers = load.closedCount();
        hub.terminate();
        hub.waitForFinished(5000);
        engine.kill();
        engine.waitForFinished(5000);
        return droppedPlayers == 0 ? 0 : 2;
    }

    // /api/health every 100 ms on its own thread while the load runs.
    std::vector<double> health;
    std::mutex healthLock;
    std::atomic<bool> stopHealth {false};
    std::thread healthThread([&] {
        const std::string req = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        while (!stopHealth) {
            const double ms = timedRequest(port, req, false);
            {
                std::lock_guard<std::mutex> g(healthLock);
                health.push_back(ms < 0 ? 5000 : ms);
            }
            sleepMs(100);
        }
    });

    const ProcStat cpu0 = procStat(pid);
    const long long bytes0 = load.totalBytes();
    const std::vector<long long> per0 = load.bytesPerPlayer();
    const auto t0 = Clock::now();
    // Players joining the running stream, spread over the window: time to their first TS byte.
    std::vector<double> joins;
    std::vector<double> keyframes;
    int joinMisaligned = 0;
    int noKeyframe = 0;
    const int joinCount = std::max(1, parser.value(joinsOption).toInt());
    std::mt19937 random(12345);
    std::uniform_int_distribution<int> pause(0, 2 * seconds * 1000 / (joinCount + 1));
    for (int j = 0; j < joinCount && msSince(t0) < seconds * 1000.0; ++j) {
        sleepMs(pause(random));
        const Join join = timedJoin(port, request);
        joins.push_back(join.firstByteMs);
        if (join.keyframeMs >= 0)
            keyframes.push_back(join.keyframeMs);
        else
            ++noKeyframe;
        if (join.first != 0x47)
            ++joinMisaligned;
    }
    while (msSince(t0) < seconds * 1000.0)
        sleepMs(50);
    const double elapsed = msSince(t0) / 1000.0;
    const ProcStat cpu1 = procStat(pid);
    const long long bytes1 = load.totalBytes();
    const std::vector<long long> per1 = load.bytesPerPlayer();
    stopHealth = true;
    healthThread.join();

    const double gb = double(bytes1 - bytes0) / 1e9;
    const double cpu = cpu1.cpuSeconds - cpu0.cpuSeconds;
    double minRate = 1e18;
    double sumRate = 0;
    for (size_t i = 0; i < per1.size() && i < per0.size(); ++i) {
        const double r = double(per1[i] - per0[i]) * 8 / 1000 / elapsed;
        minRate = std::min(minRate, r);
        sumRate += r;
    }
    const int dropped = load.closedCount();
    printf("\nResults\n");
    printf("  delivered            %.2f GB in %.1f s (%.0f MB/s), %d players\n", gb, elapsed,
           gb * 1000 / elapsed, int(per1.size()));
    printf("  per player           avg %.0f kbit/s, min %.0f kbit/s (stream %d kbit/s)\n",
           sumRate / double(per1.size()), minRate, kbps);
    printf("  AceHub CPU           %.2f s user+system = %.3f CPU-s per GB (%.0f%% of one core)\n",
           cpu, cpu / gb, 100 * cpu / elapsed);
    printf("  AceHub RSS           1 player %ld KiB, %d players %ld KiB, peak %ld KiB\n",
           one.rssKiB, n, loaded.rssKiB, cpu1.hwmKiB);
    if (n > 1)
        printf("  RSS per added player %.1f KiB\n", double(loaded.rssKiB - one.rssKiB) / (n - 1));
    {
        std::vector<double> failed;
        for (double ms : rampFirstBytes)
            if (ms < 0)
                failed.push_back(ms);
        std::vector<double> got;
        for (double ms : rampFirstBytes)
            if (ms >= 0)
                got.push_back(ms);
        printf("  ramp                 %d players connected in %.0f ms; first byte p50 %.1f ms, "
               "p99 %.1f ms, max %.1f ms; %zu without a byte\n",
               n - 1, rampTook, percentile(got, 50), percentile(got, 99),
               got.empty() ? -1 : *std::max_element(got.begin(), got.end()), failed.size());
    }
    {
        const std::vector<double> gaps = load.maxGapsMs();
        printf("  longest gap a player saw  p50 %.0f ms, p99 %.0f ms, max %.0f ms\n",
               percentile(gaps, 50), percentile(gaps, 99),
               gaps.empty() ? -1 : *std::max_element(gaps.begin(), gaps.end()));
    }
    printf("  join first TS byte   p50 %.1f ms, max %.1f ms (%zu joins, %d not on 0x47)\n",
           percentile(joins, 50),
           joins.empty() ? -1 : *std::max_element(joins.begin(), joins.end()), joins.size(),
           joinMisaligned);
    printf("  join first keyframe  p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d without one in 8 "
           "MB)\n",
           percentile(keyframes, 50), percentile(keyframes, 99),
           keyframes.empty() ? -1 : *std::max_element(keyframes.begin(), keyframes.end()),
           noKeyframe);
    {
        std::lock_guard<std::mutex> g(healthLock);
        printf("  /api/health          p50 %.1f ms, p99 %.1f ms, max %.1f ms (%zu requests)\n",
               percentile(health, 50), percentile(health, 99),
               health.empty() ? -1 : *std::max_element(health.begin(), health.end()),
               health.size());
    }
    printf("  players dropped      %d; first bytes not on a packet boundary: %d\n", dropped,
           load.misaligned());
    QFile engineLog(dir.filePath(QStringLiteral("fake-engine.log")));
    engineLog.open(QIODevice::ReadOnly);
    const QByteArray engineRequests = engineLog.readAll();
    const int sessions = int(engineRequests.count("/ace/getstream"));
    const int stops = int(engineRequests.count("method=stop"));
    printf("  engine sessions      %d (%d stop commands)\n", sessions, stops);
    QFile hubLog(dir.filePath(QStringLiteral("acehub.log")));
    hubLog.open(QIODevice::ReadOnly);
    const QList<QByteArray> hubLines = hubLog.readAll().split('\n');
    std::vector<double> recoveries;
    for (const QByteArray &line : hubLines) {
        const qsizetype at = line.indexOf("recovered after ");
        if (at >= 0)
            recoveries.push_back(line.mid(at + 16).split(' ').value(0).toDouble()); // "N ms"
    }
    if (!recoveries.empty())
        printf("  recoveries           %zu, upstream re-opened in p50 %.0f ms, max %.0f ms\n",
               recoveries.size(), percentile(recoveries, 50),
               *std::max_element(recoveries.begin(), recoveries.end()));
    if (parser.isSet(keepLogs))
        printf("  logs in              %s\n", qPrintable(dir.path()));

    const int events = parser.value(eventClients).toInt();
    if (events > 0) {
        // The same players, a window without event clients and one with them, back to back.
        auto window = [&] {
            const ProcStat a = procStat(pid);
            const auto w0 = Clock::now();
            sleepMs(seconds * 1000);
            return 100 * (procStat(pid).cpuSeconds - a.cpuSeconds) / (msSince(w0) / 1000.0);
        };
        const double without = window();
        Load eventLoad(size_t(events) + 1);
        eventLoad.start();
        const std::string eventRequest
                = "GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
                  + QByteArray("admin:" + adminPassword.toUtf8()).toBase64().toStdString()
                  + "\r\n\r\n";
        int connected = 0;
        for (int i = 0; i < events; ++i)
            connected += eventLoad.add(port, eventRequest) ? 1 : 0;
        sleepMs(2000);
        const long long eventBytes0 = eventLoad.totalBytes();
        const double with = window();
        const long long eventBytes = eventLoad.totalBytes() - eventBytes0;
        // Only clients answered 200 count: one refused (401, 429) gets a short body and waits
        // on a kept-alive connection, which would make the events look cheap.
        const int streaming = eventLoad.withStatus(200);
        printf("  event clients        %d idle on /api/events (%d answered 200): AceHub CPU "
               "%.2f%% of one core with them, %.2f%% without (%+.2f points); %.1f KiB/s of "
               "events to each, %d dropped\n",
               connected, streaming, with, without, with - without,
               double(eventBytes) / 1024 / seconds / std::max(1, streaming),
               eventLoad.closedCount());
        if (streaming != connected)
            fprintf(stderr, "acehub-bench: %d event clients were not answered 200\n",
                    connected - streaming);
    }

    hub.terminate();
    hub.waitForFinished(5000);
    engine.kill();
    engine.waitForFinished(5000);
    return dropped == 0 ? 0 : 2;
}
