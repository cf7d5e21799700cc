// The catalog stores (categories, channel and guide sources, guide channels and programmes,
// checks) on a real SQLite file, without HTTP: what each one reads and writes, and that a store
// works from a worker thread with that thread's connection.
#include "catalog/catalogimport.h"
#include "catalog/categorystore.h"
#include "catalog/checkstore.h"
#include "catalog/guidestore.h"
#include "catalog/sourcestore.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <memory>

class tst_CatalogStores : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void newCategoriesGoLastAndNamesAreUnique();
    void reorderPutsTheListedFirstAndRefusesBadIdsWritingNothing();
    void editingOrDeletingAnUnknownCategoryIsNotFound();
    void sourcesGetTheirKindsDefaultIntervalAndShowIsoTimes();
    void onlyEnabledSourcesPastTheirIntervalAreDue();
    void anImportOutcomeIsRecordedOnItsSource();
    void deletingAChannelSourceKeepsItsChannelsInactive();
    void guideChannelsWithoutSearchAreAllListedInPages();
    void guideChannelSearchMatchesIdAndNamesInAnyCase();
    void programmesOverlappingTheWindowAreListedInOrder();
    void checksSeeOnlyAceStreamChannelsAndStoreTheirVerdict();
    void aStoreWorksFromAWorkerThread();

private:
    void exec(const QString &sql);
    QSqlDatabase db() const { return m_db->connection(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void tst_CatalogStores::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("acehub.sqlite")));
    QVERIFY(m_db->open().ok);
}

void tst_CatalogStores::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void tst_CatalogStores::exec(const QString &sql)
{
    QSqlQuery q(db());
    QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
}

void tst_CatalogStores::newCategoriesGoLastAndNamesAreUnique()
{
    const StoreResult news = CategoryStore::create(db(), {{"name", " News "}}, 1700000000);
    QVERIFY(news.ok());
    const StoreResult sport = CategoryStore::create(db(), {{"name", "Sport"}}, 1700000000);
    QVERIFY(sport.ok());
    const QJsonObject s = *CategoryStore::byId(db(), sport.id);
    QCOMPARE(s.value(QLatin1String("sort_order")).toInt(), 1);
    QCOMPARE(CategoryStore::byId(db(), news.id)->value(QLatin1String("name")).toString(),
             QStringLiteral("News"));
    QCOMPARE(s.value(QLatin1String("created_at")).toString(),
             QStringLiteral("2023-11-14T22:13:20Z"));

    const StoreResult again = CategoryStore::create(db(), {{"name", "Sport"}}, 1700000000);
    QCOMPARE(again.code, StoreResult::Code::Conflict);
    QVERIFY(again.error.startsWith(QLatin1String("name:")));
    const StoreResult renamed = CategoryStore::update(db(), news.id, {{"name", "Sport"}});
    QCOMPARE(renamed.code, StoreResult::Code::Conflict);

    QString error;
    QCOMPARE(CategoryStore::list(db(), &error)->size(), 2);
}

void tst_CatalogStores::reorderPutsTheListedFirstAndRefusesBadIdsWritingNothing()
{
    QList<qint64> ids;
    for (const char *name : {"a", "b", "c", "d"})
        ids << CategoryStore::create(db(), {{"name", name}}, 0).id;
    QVERIFY(CategoryStore::reorder(db(), {ids[2], ids[0]}).ok());
    QString error;
    auto names = [&] {
        QStringList out;
        const QJsonArray items = CategoryStore::list(db(), &error).value_or(QJsonArray());
        for (const QJsonValue &c : items)
            out << c.toObject().value(QLatin1String("name")).toString();
        return out;
    };
    QCOMPARE(names(), (QStringList {"c", "a", "b", "d"}));

    const StoreResult repeated = CategoryStore::reorder(db(), {ids[1], ids[1]});
    QCOMPARE(repeated.code, StoreResult::Code::Invalid);
    QVERIFY(repeated.error.startsWith(QLatin1String("ids[1]:")));
    const StoreResult unknown = CategoryStore::reorder(db(), {ids[3], 999});
    QCOMPARE(unknown.code, StoreResult::Code::Invalid);
    QVERIFY(unknown.error.startsWith(QLatin1String("ids[1]: no such category")));
    QCOMPARE(names(), (QStringList {"c", "a", "b", "d"}));
}

void tst_CatalogStores::editingOrDeletingAnUnknownCategoryIsNotFound()
{
    QCOMPARE(CategoryStore::update(db(), 42, {{"name", "x"}}).code, StoreResult::Code::NotFound);
    QCOMPARE(CategoryStore::remove(db(), 42).code, StoreResult::Code::NotFound);
    QVERIFY(!CategoryStore::byId(db(), 42));
    const qint64 id = CategoryStore::create(db(), {{"name", "x"}}, 0).id;
    QVERIFY(CategoryStore::remove(db(), id).ok());
    QVERIFY(!CategoryStore::exists(db(), id));
}

void tst_CatalogStores::sourcesGetTheirKindsDefaultIntervalAndShowIsoTimes()
{
    using Kind = SourceStore::Kind;
    const StoreResult m3u = SourceStore::create(
            db(), Kind::Channels, {{"name", "list"}, {"location", "/tmp/list.m3u"}}, 1700000000);
    QVERIFY(m3u.ok());
    const StoreResult xml = SourceStore::create(
            db(), Kind::Guide,
            {{"name", "guide"}, {"location", "/tmp/guide.xml"}, {"enabled", false}}, 1700000000);
    QVERIFY(xml.ok());
    const QJsonObject list = *SourceStore::byId(db(), Kind::Channels, m3u.id);
    QCOMPARE(list.value(QLatin1String("refresh_interval_s")).toInt(), 86400);
    QCOMPARE(list.value(QLatin1String("created_at")).toString(),
             QStringLiteral("2023-11-14T22:13:20Z"));
    QCOMPARE(list.value(QLatin1String("status")).toObject().value(QLatin1String("last_status")),
             QJsonValue(QStringLiteral("never")));
    QVERIFY(list.contains(QLatin1String("channels")));
    const QJsonObject guide = *SourceStore::byId(db(), Kind::Guide, xml.id);
    QCOMPARE(guide.value(QLatin1String("refresh_interval_s")).toInt(), 43200);
    QCOMPARE(guide.value(QLatin1String("enabled")).toBool(true), false);
    QVERIFY(guide.contains(QLatin1String("programmes")));
    QVERIFY(SourceStore::nameTaken(db(), Kind::Guide, QStringLiteral("guide")));
    QVERIFY(!SourceStore::nameTaken(db(), Kind::Channels, QStringLiteral("guide")));
    // Two tables: a channel source's id is not a guide source's.
    QVERIFY(!SourceStore::exists(db(), Kind::Guide, m3u.id + xml.id));

    QVERIFY(SourceStore::update(db(), Kind::Channels, m3u.id, {{"name", "renamed"}}).ok());
    QCOMPARE(SourceStore::location(db(), Kind::Channels, m3u.id)->name, QStringLiteral("renamed"));
    QCOMPARE(SourceStore::update(db(), Kind::Channels, 999, {{"name", "x"}}).code,
             StoreResult::Code::NotFound);
}

void tst_CatalogStores::onlyEnabledSourcesPastTheirIntervalAreDue()
{
    exec(QStringLiteral(
            "INSERT INTO channel_sources(id, name, location, enabled, refresh_interval_s,"
            " last_refresh_at, created_at) VALUES"
            " (1, 'never', '/a', 1, 60, NULL, 0), (2, 'fresh', '/b', 1, 60, 1000, 0),"
            " (3, 'old', '/c', 1, 60, 900, 0), (4, 'off', '/d', 0, 60, NULL, 0),"
            " (5, 'on demand', '/e', 1, 0, NULL, 0)"));
    QString error;
    QCOMPARE(*SourceStore::due(db(), SourceStore::Kind::Channels, 1000, &error),
             (QList<int> {1, 3}));
    QCOMPARE(SourceStore::enabledIds(db(), SourceStore::Kind::Channels), (QList<int> {1, 2, 3, 5}));
}

void tst_CatalogStores::anImportOutcomeIsRecordedOnItsSource()
{
    const qint64 id = SourceStore::create(db(), SourceStore::Kind::Guide,
                                          {{"name", "g"}, {"location", "/g.xml"}}, 0)
                              .id;
    ImportOutcome ok;
    ok.ok = true;
    ok.imported = 7;
    ok.skipped = 2;
    QVERIFY(SourceStore::recordOutcome(db(), SourceStore::Kind::Guide, id, ok, 1700000000).ok());
    QJsonObject status = SourceStore::byId(db(), SourceStore::Kind::Guide, id)
                                 ->value(QLatin1String("status"))
                                 .toObject();
    QCOMPARE(status.value(QLatin1String("last_status")).toString(), QStringLiteral("ok"));
    QCOMPARE(status.value(QLatin1String("last_imported")).toInt(), 7);
    QCOMPARE(status.value(QLatin1String("last_skipped")).toInt(), 2);
    QCOMPARE(status.value(QLatin1String("last_refresh_at")).toString(),
             QStringLiteral("2023-11-14T22:13:20Z"));

    ImportOutcome failed;
    failed.error = QStringLiteral("no such file: /g.xml");
    QVERIFY(SourceStore::recordOutcome(db(), SourceStore::Kind::Guide, id, failed, 1700000060)
                    .ok());
    status = SourceStore::byId(db(), SourceStore::Kind::Guide, id)
                     ->value(QLatin1String("status"))
                     .toObject();
    QCOMPARE(status.value(QLatin1String("last_status")).toString(), QStringLiteral("error"));
    QCOMPARE(status.value(QLatin1String("last_error")).toString(), failed.error);
    QCOMPARE(status.value(QLatin1String("last_imported")).toInt(), 7); // the last good import's
}

void tst_CatalogStores::deletingAChannelSourceKeepsItsChannelsInactive()
{
    exec(QStringLiteral("INSERT INTO channel_sources(id, name, location, created_at)"
                        " VALUES (1, 's', '/s', 0)"));
    exec(QStringLiteral("INSERT INTO channels(id, source_id, kind, content_id, name, custom_name,"
                        " added_at, updated_at) VALUES (1, 1, 'acestream', '%1', 'One', 'Mine',"
                        " 0, 0)")
                 .arg(QString(40, QLatin1Char('a'))));
    QVERIFY(SourceStore::remove(db(), SourceStore::Kind::Channels, 1, 1700000000).ok());
    QVERIFY(!SourceStore::exists(db(), SourceStore::Kind::Channels, 1));
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT active, custom_name, source_id, updated_at"
                                  " FROM channels WHERE id = 1")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QCOMPARE(q.value(1).toString(), QStringLiteral("Mine"));
    QVERIFY(q.value(2).isNull());
    QCOMPARE(q.value(3).toLongLong(), 1700000000);
    QCOMPARE(SourceStore::remove(db(), SourceStore::Kind::Channels, 1, 0).code,
             StoreResult::Code::NotFound);
}

void tst_CatalogStores::guideChannelsWithoutSearchAreAllListedInPages()
{
    exec(QStringLiteral("INSERT INTO epg_sources(id, name, location, created_at)"
                        " VALUES (1, 'g', '/g', 0)"));
    for (int i = 0; i < 5; ++i)
        exec(QStringLiteral("INSERT INTO epg_channels(source_id, epg_id, display_name)"
                            " VALUES (1, 'ch%1', 'Channel %1')")
                     .arg(i));
    qint64 total = 0;
    QString error;
    // The admin API passes an absent search as a null string: it must list everything.
    auto all = GuideStore::channels(db(), QString(), 100, 0, &total, &error);
    QVERIFY2(all, qPrintable(error));
    QCOMPARE(all->size(), 5);
    QCOMPARE(total, 5);
    const auto page = GuideStore::channels(db(), QString(), 2, 2, &total, &error);
    QCOMPARE(page->size(), 2);
    QCOMPARE(total, 5);
    QCOMPARE(page->at(0).toObject().value(QLatin1String("epg_id")).toString(),
             QStringLiteral("ch2"));
    QCOMPARE(GuideStore::channels(db(), QString(), 10, 4, &total, &error)->size(), 1);
}

void tst_CatalogStores::guideChannelSearchMatchesIdAndNamesInAnyCase()
{
    exec(QStringLiteral("INSERT INTO epg_sources(id, name, location, created_at)"
                        " VALUES (1, 'g', '/g', 0)"));
    exec(QStringLiteral(
            "INSERT INTO epg_channels(source_id, epg_id, display_name, other_names) VALUES"
            " (1, 'bbc1.uk', 'BBC One', 'BBC 1' || char(9) || 'Beeb'),"
            " (1, 'rai1.it', 'Rai 1', NULL), (1, 'x%_y', NULL, NULL)"));
    qint64 total = 0;
    QString error;
    auto ids = [&](const QString &search) {
        QStringList out;
        const QJsonArray items
                = GuideStore::channels(db(), search, 100, 0, &total, &error).value_or(QJsonArray());
        for (const QJsonValue &c : items)
            out << c.toObject().value(QLatin1String("epg_id")).toString();
        return out;
    };
    QCOMPARE(ids(QStringLiteral("bbc")), QStringList {"bbc1.uk"});
    QCOMPARE(ids(QStringLiteral("beeb")), QStringList {"bbc1.uk"});
    QCOMPARE(ids(QStringLiteral("RAI1")), QStringList {"rai1.it"});
    QCOMPARE(ids(QStringLiteral("%_")), QStringList {"x%_y"}); // no pattern characters
    QCOMPARE(total, 1);
    const QJsonObject bbc = GuideStore::channels(db(), QStringLiteral("bbc"), 1, 0, &total, &error)
                                    ->at(0)
                                    .toObject();
    QCOMPARE(bbc.value(QLatin1String("other_names")).toArray(), (QJsonArray {"BBC 1", "Beeb"}));
    QVERIFY(bbc.value(QLatin1String("icon")).isNull());
}

void tst_CatalogStores::programmesOverlappingTheWindowAreListedInOrder()
{
    exec(QStringLiteral("INSERT INTO epg_sources(id, name, location, created_at)"
                        " VALUES (1, 'g', '/g', 0)"));
    exec(QStringLiteral("INSERT INTO epg_programmes(source_id, epg_id, start, stop, title) VALUES"
                        " (1, 'a', 200, 300, 'second'), (1, 'a', 100, 200, 'first'),"
                        " (1, 'a', 0, 100, 'before'), (1, 'a', 300, 400, 'after'),"
                        " (1, 'b', 100, 300, 'other')"));
    QString error;
    const auto items = GuideStore::programmes(db(), QStringLiteral("a"), 150, 300, &error);
    QVERIFY2(items, qPrintable(error));
    QCOMPARE(items->size(), 2);
    QCOMPARE(items->at(0).toObject().value(QLatin1String("title")).toString(),
             QStringLiteral("first"));
    QCOMPARE(items->at(0).toObject().value(QLatin1String("start")).toString(),
             QStringLiteral("1970-01-01T00:01:40Z"));
    QVERIFY(items->at(1).toObject().value(QLatin1String("description")).isNull());
}

void tst_CatalogStores::checksSeeOnlyAceStreamChannelsAndStoreTheirVerdict()
{
    exec(QStringLiteral(
                 "INSERT INTO channels(id, kind, content_id, infohash, url, name, number, active,"
                 " added_at, updated_at) VALUES"
                 " (1, 'acestream', NULL, '%1', NULL, 'b', 2, 1, 0, 0),"
                 " (2, 'acestream', '%2', NULL, NULL, 'a', 1, 1, 0, 0),"
                 " (3, 'direct', NULL, NULL, 'http://x/ts', 'd', 0, 1, 0, 0),"
                 " (4, 'acestream', '%3', NULL, NULL, 'gone', 3, 0, 0, 0)")
                 .arg(QString(40, QLatin1Char('1')), QString(40, QLatin1Char('2')),
                      QString(40, QLatin1Char('4'))));
    QCOMPARE(CheckStore::activeAceStreamIds(db()), (QList<int> {2, 1}));
    QCOMPARE(CheckStore::kind(db(), 3), QStringLiteral("direct"));
    QVERIFY(!CheckStore::kind(db(), 99));
    QVERIFY(!CheckStore::target(db(), 3));
    QCOMPARE(CheckStore::target(db(), 1)->infohash, QString(40, QLatin1Char('1')));
    QCOMPARE(CheckStore::target(db(), 2)->contentId, QString(40, QLatin1Char('2')));

    QVERIFY(CheckStore::save(db(), 2, QStringLiteral("unavailable"), QStringLiteral("no peers"),
                             1700000000)
                    .ok());
    QVERIFY(CheckStore::save(db(), 1, QStringLiteral("ok"), QString(), 1700000000).ok());
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral(
            "SELECT id, check_status, check_error, checked_at FROM channels WHERE id IN (1, 2)"
            " ORDER BY id")));
    QVERIFY(q.next());
    QCOMPARE(q.value(1).toString(), QStringLiteral("ok"));
    QVERIFY(q.value(2).isNull());
    QVERIFY(q.next());
    QCOMPARE(q.value(1).toString(), QStringLiteral("unavailable"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("no peers"));
    QCOMPARE(q.value(3).toLongLong(), 1700000000);
}

void tst_CatalogStores::aStoreWorksFromAWorkerThread()
{
    Database *database = m_db.get();
    StoreResult created;
    QString listed;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        {
            const QSqlDatabase db = database->connection();
            created = CategoryStore::create(db, {{"name", "from a worker"}}, 0);
            QString error;
            if (const auto items = CategoryStore::list(db, &error))
                listed = items->at(0).toObject().value(QLatin1String("name")).toString();
        }
        database->releaseThreadConnection();
    }));
    worker->start();
    QVERIFY(worker->wait());
    QVERIFY(created.ok());
    QCOMPARE(listed, QStringLiteral("from a worker"));
    // And the server thread's connection sees it.
    QVERIFY(CategoryStore::exists(db(), created.id));
}

QTEST_GUILESS_MAIN(tst_CatalogStores)
#include "tst_catalogstores.moc"
