#include "server.h"
#include "storage/settings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class tst_Settings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsApplyWhenNothingIsSet();
    void layersOverrideInOrderDefaultStoredEnvironmentCommandLine();
    void storedValuesSurviveARestartThroughTheDatabaseFile();
    void updateWritesAllValuesOrNone();
    void invalidValuesAreRefusedNamingTheKey_data();
    void invalidValuesAreRefusedNamingTheKey();
    void jsonValuesMustHaveTheSettingsType();
    void everySettingHasAGroupAndTheSchemaFields();
    void engineAddressIsParsedFromHostPort_data();
    void engineAddressIsParsedFromHostPort();
    void environmentErrorsAreReported();
    void everySettingIsDocumentedInTheReadme();
};

void tst_Settings::defaultsApplyWhenNothingIsSet()
{
    Settings s;
    QCOMPARE(s.port(), quint16(6880));
    QCOMPARE(s.bindAddress(), QStringLiteral("0.0.0.0"));
    QCOMPARE(s.engineHost(), QStringLiteral("127.0.0.1"));
    QCOMPARE(s.enginePort(), quint16(6878));
    QCOMPARE(s.logLevel(), QStringLiteral("info"));
    QCOMPARE(s.layerOf(QStringLiteral("port")), Settings::Layer::Default);
    for (const SettingSpec &spec : Settings::specs()) {
        QVariant normalized;
        QVERIFY2(!Settings::validate(spec.key, spec.defaultValue, &normalized),
                 qPrintable(spec.key));
        QVERIFY(!spec.description.isEmpty());
    }
}

void tst_Settings::layersOverrideInOrderDefaultStoredEnvironmentCommandLine()
{
    Settings s;
    s.setStored({{QStringLiteral("engine_port"), 7001},
                 {QStringLiteral("log_level"), QStringLiteral("debug")}});
    QCOMPARE(s.enginePort(), quint16(7001));
    QCOMPARE(s.layerOf(QStringLiteral("engine_port")), Settings::Layer::Stored);

    QProcessEnvironment env;
    env.insert(QStringLiteral("ACEHUB_ENGINE_PORT"), QStringLiteral("7002"));
    QVERIFY(s.applyEnvironment(env).isEmpty());
    QCOMPARE(s.enginePort(), quint16(7002));
    QCOMPARE(s.layerOf(QStringLiteral("engine_port")), Settings::Layer::Environment);
    QCOMPARE(s.logLevel(), QStringLiteral("debug")); // untouched by the environment

    QVERIFY(!s.setCommandLine(QStringLiteral("engine_port"), QStringLiteral("7003")));
    QCOMPARE(s.enginePort(), quint16(7003));
    QCOMPARE(s.layerOf(QStringLiteral("engine_port")), Settings::Layer::CommandLine);

    // A later stored value (the admin API) does not beat the command line.
    QVERIFY(!s.setStoredValue(QStringLiteral("engine_port"), 7004));
    QCOMPARE(s.enginePort(), quint16(7003));
}

void tst_Settings::storedValuesSurviveARestartThroughTheDatabaseFile()
{
    QTemporaryDir dir;
    Settings base;
    QVERIFY(!base.setCommandLine(QStringLiteral("port"), 0));
    QVERIFY(!base.setCommandLine(QStringLiteral("bind"), QStringLiteral("127.0.0.1")));
    {
        Server server(dir.path(), base);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QVERIFY(!server.updateSettings(
                {{QStringLiteral("engine_port"), 7101}, {QStringLiteral("log_ring_lines"), 500}}));
        QCOMPARE(server.settings().enginePort(), quint16(7101));
    }
    {
        Server server(dir.path(), base);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QCOMPARE(server.settings().enginePort(), quint16(7101));
        QCOMPARE(server.settings().logRingLines(), 500);
        QCOMPARE(server.settings().layerOf(QStringLiteral("engine_port")), Settings::Layer::Stored);
    }
    Settings withEnv = base;
    QProcessEnvironment env;
    env.insert(QStringLiteral("ACEHUB_ENGINE_PORT"), QStringLiteral("7102"));
    QVERIFY(withEnv.applyEnvironment(env).isEmpty());
    {
        Server server(dir.path(), withEnv);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QCOMPARE(server.settings().enginePort(), quint16(7102));
    }
}

void tst_Settings::updateWritesAllValuesOrNone()
{
    QTemporaryDir dir;
    Settings base;
    base.setCommandLine(QStringLiteral("port"), 0);
    base.setCommandLine(QStringLiteral("bind"), QStringLiteral("127.0.0.1"));
    Server server(dir.path(), base);
    QVERIFY(server.start());
    const auto error
            = server.updateSettings({{QStringLiteral("engine_port"), 7200},
                                     {QStringLiteral("log_level"), QStringLiteral("loud")}});
    QVERIFY(error);
    QVERIFY2(error->contains(QLatin1String("log_level")), qPrintable(*error));
    QCOMPARE(server.settings().enginePort(), quint16(6878));
    server.stop();
    Server again(dir.path(), base);
    QVERIFY(again.start());
    QCOMPARE(again.settings().enginePort(), quint16(6878));
}

void tst_Settings::invalidValuesAreRefusedNamingTheKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("port not a number") << "port" << QVariant(QStringLiteral("http"));
    QTest::newRow("port too large") << "port" << QVariant(70000);
    QTest::newRow("port negative") << "port" << QVariant(-1);
    QTest::newRow("port fractional") << "port" << QVariant(80.5);
    QTest::newRow("bind not an address") << "bind" << QVariant(QStringLiteral("everywhere"));
    QTest::newRow("bind a lone number") << "bind" << QVariant(QStringLiteral("1"));
    QTest::newRow("bind a host name") << "bind" << QVariant(QStringLiteral("localhost"));
    QTest::newRow("log level unknown") << "log_level" << QVariant(QStringLiteral("loud"));
    QTest::newRow("scheme unknown") << "engine_scheme" << QVariant(QStringLiteral("ftp"));
    QTest::newRow("engine host with spaces") << "engine_host" << QVariant(QStringLiteral("a b"));
    QTest::newRow("string for number key") << "engine_port" << QVariant(true);
    QTest::newRow("unknown key") << "no_such_setting" << QVariant(1);
}

void tst_Settings::invalidValuesAreRefusedNamingTheKey()
{
    QFETCH(QString, key);
    QFETCH(QVariant, value);
    QVariant normalized;
    const auto error = Settings::validate(key, value, &normalized);
    QVERIFY(error);
    QVERIFY2(error->startsWith(key), qPrintable(*error));
}

void tst_Settings::jsonValuesMustHaveTheSettingsType()
{
    QVariant normalized;
    // From JSON a string is not a number, though the environment's text "1" is.
    auto error = Settings::validate(QStringLiteral("stream_linger_s"), QStringLiteral("1"),
                                    &normalized, true);
    QVERIFY(error);
    QVERIFY2(error->startsWith(QLatin1String("stream_linger_s: ")), qPrintable(*error));
    QVERIFY(!Settings::validate(QStringLiteral("stream_linger_s"), QStringLiteral("1"),
                                &normalized));
    QVERIFY(!Settings::validate(QStringLiteral("stream_linger_s"), 1.0, &normalized, true));
    QVERIFY(Settings::validate(QStringLiteral("log_level"), 1, &normalized, true));
    QVERIFY(!Settings::validate(QStringLiteral("bind"), QStringLiteral("::"), &normalized, true));
    QVERIFY(!Settings::validate(QStringLiteral("bind"), QStringLiteral("192.168.1.20"), &normalized,
                                true));
}

void tst_Settings::everySettingHasAGroupAndTheSchemaFields()
{
    static const QStringList groups {QStringLiteral("server"),  QStringLiteral("engine"),
                                     QStringLiteral("streams"), QStringLiteral("catalog"),
                                     QStringLiteral("players"), QStringLiteral("admin"),
                                     QStringLiteral("logs")};
    for (const SettingSpec &spec : Settings::specs()) {
        QVERIFY2(groups.contains(spec.group), qPrintable(spec.key));
        QVERIFY(!spec.typeName().isEmpty());
    }
    QCOMPARE(Settings::spec(QStringLiteral("port"))->restart, true);
    QCOMPARE(Settings::spec(QStringLiteral("stream_linger_s"))->restart, false);
    QCOMPARE(Settings::spec(QStringLiteral("stream_linger_s"))->unit, QStringLiteral("s"));
    QCOMPARE(Settings::spec(QStringLiteral("client_max_queued_kib"))->unit, QStringLiteral("KiB"));
    QCOMPARE(Settings::spec(QStringLiteral("bind"))->typeName(), QStringLiteral("address"));
    QCOMPARE(Settings::spec(QStringLiteral("log_level"))->typeName(), QStringLiteral("enum"));
}

void tst_Settings::engineAddressIsParsedFromHostPort_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("ipv4") << "192.168.1.5:6878" << true << "192.168.1.5" << 6878;
    QTest::newRow("name") << "acestream:6879" << true << "acestream" << 6879;
    QTest::newRow("ipv6") << "[::1]:6878" << true << "::1" << 6878;
    QTest::newRow("no port") << "localhost" << false << "" << 0;
    QTest::newRow("port zero") << "localhost:0" << false << "" << 0;
    QTest::newRow("port too big") << "localhost:99999" << false << "" << 0;
}

void tst_Settings::engineAddressIsParsedFromHostPort()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, host);
    QFETCH(int, port);
    QString parsedHost;
    quint16 parsedPort = 0;
    QCOMPARE(Settings::splitHostPort(text, &parsedHost, &parsedPort), ok);
    if (ok) {
        QCOMPARE(parsedHost, host);
        QCOMPARE(int(parsedPort), port);
    }
}

void tst_Settings::environmentErrorsAreReported()
{
    Settings s;
    QProcessEnvironment env;
    env.insert(QStringLiteral("ACEHUB_PORT"), QStringLiteral("eighty"));
    env.insert(QStringLiteral("ACEHUB_ENGINE"), QStringLiteral("nohostport"));
    const QStringList errors = s.applyEnvironment(env);
    QCOMPARE(errors.size(), 2);
    QVERIFY(errors.join(QLatin1Char(' ')).contains(QLatin1String("ACEHUB_PORT")));
    QCOMPARE(s.port(), quint16(6880));
}

void tst_Settings::everySettingIsDocumentedInTheReadme()
{
    QFile readme(QStringLiteral(ACEHUB_SOURCE_DIR "/README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll());
    for (const SettingSpec &spec : Settings::specs()) {
        const QString row
                = QStringLiteral("| `%1` | `%2` |").arg(spec.key, spec.defaultValue.toString());
        const QString emptyRow = QStringLiteral("| `%1` | (empty) |").arg(spec.key);
        QVERIFY2(text.contains(row)
                         || (spec.defaultValue.toString().isEmpty() && text.contains(emptyRow)),
                 qPrintable(QStringLiteral("README.md lacks the row of %1 with its default")
                                    .arg(spec.key)));
    }
}

QTEST_GUILESS_MAIN(tst_Settings)
#include "tst_settings.moc"
