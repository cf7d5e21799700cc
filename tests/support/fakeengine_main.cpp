// acehub-fake-engine: the tests' fake AceStream engine as a program, to try AceHub or run the
// benchmark without AceStream. See fakeengine.h for its routes and faults.
#include "fakeengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("acehub-fake-engine"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "A fake AceStream engine (engine HTTP API + MPEG-TS playback) for trying AceHub."));
    parser.addHelpOption();
    const QCommandLineOption port({QStringLiteral("p"), QStringLiteral("port")},
                                  QStringLiteral("Port to listen on (default 6878, 0: any)."),
                                  QStringLiteral("port"), QStringLiteral("6878"));
    const QCommandLineOption bind(QStringLiteral("bind"),
                                  QStringLiteral("Address (default 127.0.0.1)."),
                                  QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption bitrate({QStringLiteral("b"), QStringLiteral("bitrate-kbps")},
                                     QStringLiteral("Playback rate in kbit/s (default 8000)."),
                                     QStringLiteral("kbps"), QStringLiteral("8000"));
    const QCommandLineOption ts(QStringLiteral("ts"), QStringLiteral("MPEG-TS file to loop."),
                                QStringLiteral("file"));
    const QCommandLineOption error(QStringLiteral("error"),
                                   QStringLiteral("getstream answers this engine error."),
                                   QStringLiteral("message"));
    const QCommandLineOption getstreamDelay(QStringLiteral("getstream-delay-ms"),
                                            QStringLiteral("Delay getstream answers."),
                                            QStringLiteral("ms"));
    const QCommandLineOption startDelay(
            QStringLiteral("start-delay-ms"),
            QStringLiteral("Prebuffering: delay before the first byte."), QStringLiteral("ms"));
    const QCommandLineOption stallAfter(
            QStringLiteral("stall-after-bytes"),
            QStringLiteral("Stall each playback after this many bytes."), QStringLiteral("bytes"));
    const QCommandLineOption stallMs(QStringLiteral("stall-ms"), QStringLiteral("Stall duration."),
                                     QStringLiteral("ms"), QStringLiteral("5000"));
    const QCommandLineOption closeAfter(
            QStringLiteral("close-after-bytes"),
            QStringLiteral("Close each playback after this many bytes."), QStringLiteral("bytes"));
    const QCommandLineOption playbackStatus(
            QStringLiteral("playback-status"),
            QStringLiteral("Answer playbacks with this HTTP status."), QStringLiteral("status"));
    const QCommandLineOption redirect(
            QStringLiteral("redirect"),
            QStringLiteral("Answer playback URLs with a 302 first, as real engines may."));
    const QCommandLineOption closePlaybacks(
            QStringLiteral("close-playbacks"),
            QStringLiteral("How many playbacks --close-after-bytes ends (default: every one)."),
            QStringLiteral("n"), QStringLiteral("-1"));
    const QCommandLineOption failStops(QStringLiteral("fail-stops"),
                                       QStringLiteral("The next N stop commands answer HTTP 500."),
                                       QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption longGop(QStringLiteral("long-gop"),
                                     QStringLiteral("Play the sample with a keyframe every 4 s."));
    parser.addOptions({port, bind, bitrate, ts, error, getstreamDelay, startDelay, stallAfter,
                       stallMs, closeAfter, playbackStatus, redirect, closePlaybacks, failStops,
                       longGop});
    parser.process(app);

    FakeEngine engine;
    engine.setBitrateKbps(parser.value(bitrate).toInt());
    engine.setRedirectPlayback(parser.isSet(redirect));
    if (parser.isSet(ts) && !engine.loadTs(parser.value(ts))) {
        fprintf(stderr, "acehub-fake-engine: cannot read MPEG-TS from %s\n",
                qPrintable(parser.value(ts)));
        return 1;
    }
    if (parser.isSet(longGop) && !engine.loadTs(FakeEngine::longGopTsPath())) {
        fprintf(stderr, "acehub-fake-engine: the long-GOP sample is missing\n");
        return 1;
    }
    FakeEngine::Faults &f = engine.faults();
    f.closePlaybacks = parser.value(closePlaybacks).toInt();
    f.failStops = parser.value(failStops).toInt();
    f.errorMessage = parser.value(error);
    f.getstreamDelayMs = parser.value(getstreamDelay).toInt();
    f.startDelayMs = parser.value(startDelay).toInt();
    if (parser.isSet(stallAfter)) {
        f.stallAfterBytes = parser.value(stallAfter).toLongLong();
        f.stallMs = parser.value(stallMs).toInt();
    }
    if (parser.isSet(closeAfter))
        f.closeAfterBytes = parser.value(closeAfter).toLongLong();
    f.playbackStatus = parser.value(playbackStatus).toInt();
    if (!engine.listen(QHostAddress(parser.value(bind)), quint16(parser.value(port).toUInt()))) {
        fprintf(stderr, "acehub-fake-engine: cannot listen: %s\n",
                qPrintable(engine.errorString()));
        return 1;
    }
    printf("acehub-fake-engine listening on %s:%u (%d kbit/s, %lld bytes of TS)\n",
           qPrintable(parser.value(bind)), engine.port(), engine.bitrateKbps(),
           qint64(engine.tsData().size()));
    fflush(stdout);
    QObject::connect(&engine, &FakeEngine::requestReceived, &engine, [](const QString &line) {
        printf("%s\n", qPrintable(line));
        fflush(stdout);
    });
    return app.exec();
}
