#include "httpclient.h"
#include "storage/settings.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

// GET /api/settings/schema, and PATCH /api/settings taking JSON values of the setting's type.
class tst_SettingsSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void schemaListsEverySettingWithItsFormFields();
    void jsonStringForANumberIs400AndChangesNothing();
    void bindMustBeAnIpAddress();

private:
    std::unique_ptr<TestServer> m_server;
};

void tst_SettingsSchema::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
}

void tst_SettingsSchema::cleanup()
{
    m_server.reset();
}

void tst_SettingsSchema::schemaListsEverySettingWithItsFormFields()
{
    const HttpResult r = m_server->api("GET", QStringLiteral("/api/settings/schema"));
    QCOMPARE(r.status, 200);
    const QJsonArray items = r.json().object().value(QLatin1String("items")).toArray();
    QCOMPARE(items.size(), Settings::specs().size());
    for (int i = 0; i < items.size(); ++i) {
        const QJsonObject o = items.at(i).toObject();
        const SettingSpec &spec = Settings::specs().at(i); // display order
        QCOMPARE(o.value(QLatin1String("key")).toString(), spec.key);
        QCOMPARE(o.value(QLatin1String("group")).toString(), spec.group);
        QCOMPARE(o.value(QLatin1String("restart")).toBool(), spec.restart);
        QVERIFY(!o.value(QLatin1String("description")).toString().isEmpty());
        QVERIFY(o.contains(QLatin1String("default")));
    }
    auto find = [&items](const QString &key) {
        for (const QJsonValue &v : items) {
            if (v.toObject().value(QLatin1String("key")).toString() == key)
                return v.toObject();
        }
        return QJsonObject();
    };
    const QJsonObject linger = find(QStringLiteral("stream_linger_s"));
    QCOMPARE(linger.value(QLatin1String("type")).toString(), QStringLiteral("int"));
    QCOMPARE(linger.value(QLatin1String("unit")).toString(), QStringLiteral("s"));
    QCOMPARE(linger.value(QLatin1String("min")).toInt(), 0);
    QVERIFY(linger.value(QLatin1String("default")).isDouble());
    QCOMPARE(linger.value(QLatin1String("restart")).toBool(), false);
    const QJsonObject level = find(QStringLiteral("log_level"));
    QCOMPARE(level.value(QLatin1String("type")).toString(), QStringLiteral("enum"));
    QVERIFY(level.value(QLatin1String("choices")).toArray().contains(QStringLiteral("warning")));
    QCOMPARE(find(QStringLiteral("bind")).value(QLatin1String("type")).toString(),
             QStringLiteral("address"));
    QCOMPARE(find(QStringLiteral("port")).value(QLatin1String("restart")).toBool(), true);
}

void tst_SettingsSchema::jsonStringForANumberIs400AndChangesNothing()
{
    const HttpResult r
            = m_server->api("PATCH", QStringLiteral("/api/settings"),
                            QJsonObject {{QStringLiteral("stream_linger_s"), QStringLiteral("1")}});
    QCOMPARE(r.status, 400);
    QVERIFY(r.json().object()
                    .value(QLatin1String("error"))
                    .toString()
                    .startsWith(QLatin1String("stream_linger_s: ")));
    QCOMPARE(m_server->api("PATCH", QStringLiteral("/api/settings"),
                           QJsonObject {{QStringLiteral("stream_linger_s"), true}})
                     .status,
             400);
    QCOMPARE(m_server->api("PATCH", QStringLiteral("/api/settings"),
                           QJsonObject {{QStringLiteral("stream_linger_s"), 1}})
                     .status,
             200);
}

void tst_SettingsSchema::bindMustBeAnIpAddress()
{
    for (const char *bad : {"1", "localhost", "256.1.1.1", ""}) {
        const HttpResult r
                = m_server->api("PATCH", QStringLiteral("/api/settings"),
                                QJsonObject {{QStringLiteral("bind"), QString::fromLatin1(bad)}});
        QVERIFY2(r.status == 400, bad);
        QVERIFY(r.json().object()
                        .value(QLatin1String("error"))
                        .toString()
                        .startsWith(QLatin1String("bind: ")));
    }
    QCOMPARE(m_server->api("PATCH", QStringLiteral("/api/settings"),
                           QJsonObject {{QStringLiteral("bind"), QStringLiteral("::")}})
                     .status,
             200);
}

QTEST_GUILESS_MAIN(tst_SettingsSchema)
#include "tst_settingsschema.moc"
