#include "overviewpage.h"

#include "apiclient.h"
#include "streamsmodel.h"
#include "ui_overviewpage.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QJsonArray>

OverviewPage::OverviewPage(ApiClient *api, StreamsModel *streams, QWidget *parent)
    : Page(api, parent), m_ui(std::make_unique<Ui::OverviewPage>()), m_streams(streams)
{
    m_ui->setupUi(this);
    connect(api, &ApiClient::event, this, &OverviewPage::onEvent);
    connect(api, &ApiClient::connectedChanged, this, &OverviewPage::setConnected);
    connect(streams, &StreamsModel::countsChanged, this, [this] {
        m_ui->streamsCount->setText(QString::number(m_streams->streamCount()));
        m_ui->playersCount->setText(QString::number(m_streams->playerCount()));
        Q_EMIT countsChanged();
    });
    connect(m_ui->userCombo, &QComboBox::currentIndexChanged, this, &OverviewPage::showConnectInfo);
    const struct
    {
        QPushButton *button;
        QLineEdit *edit;
    } copies[] = {{m_ui->copyAddressButton, m_ui->addressEdit},
                  {m_ui->copyServerButton, m_ui->serverEdit},
                  {m_ui->copyUsernameButton, m_ui->usernameEdit},
                  {m_ui->copyPasswordButton, m_ui->passwordEdit},
                  {m_ui->copyM3uButton, m_ui->m3uEdit},
                  {m_ui->copyXmltvButton, m_ui->xmltvEdit}};
    for (const auto &c : copies) {
        QLineEdit *edit = c.edit;
        connect(c.button, &QPushButton::clicked, this, [this, edit] {
            QGuiApplication::clipboard()->setText(edit->text());
            Q_EMIT message(tr("Copied: %1").arg(edit->text()));
        });
    }
    setConnected(false);
}

OverviewPage::~OverviewPage() = default;

void OverviewPage::setStatus(QLabel *label, const QString &text, bool good)
{
    label->setText(text);
    label->setStyleSheet(good ? QStringLiteral("color: #2e7d32; font-weight: bold")
                              : QStringLiteral("color: #c62828; font-weight: bold"));
}

void OverviewPage::setConnected(bool connected)
{
    if (connected)
        setStatus(m_ui->serverStatus, tr("Running — %1").arg(m_api->baseUrl().toString()), true);
    else
        setStatus(m_ui->serverStatus, tr("Not connected"), false);
}

void OverviewPage::reload()
{
    m_api->health(this, [this](const ApiResult &r) {
        if (!r.ok())
            return;
        setEngine(r.json.value(QLatin1String("engine")).toObject());
        if (!m_api->isConnected())
            setStatus(m_ui->serverStatus, tr("Running — %1").arg(m_api->baseUrl().toString()),
                      true);
    });
    loadCounts();
    loadUsers();
}

void OverviewPage::setEngine(const QJsonObject &engine)
{
    const bool reachable = engine.value(QLatin1String("reachable")).toBool();
    const QString error = engine.value(QLatin1String("error")).toString();
    const QString version = engine.value(QLatin1String("version")).toString();
    const QString url = engine.value(QLatin1String("url")).toString();
    if (engine.contains(QLatin1String("checked_at"))
        && engine.value(QLatin1String("checked_at")).isNull()) {
        m_ui->engineStatus->setText(tr("Not checked yet %1").arg(url));
        m_ui->engineStatus->setStyleSheet(QString());
        return;
    }
    const bool changed = !m_engineKnown || reachable != m_engineReachable;
    m_engineKnown = true;
    m_engineReachable = reachable;
    if (reachable)
        setStatus(m_ui->engineStatus,
                  version.isEmpty() ? tr("Reachable") : tr("Reachable (version %1)").arg(version),
                  true);
    else
        setStatus(m_ui->engineStatus,
                  error.isEmpty() ? tr("Not reachable") : tr("Not reachable: %1").arg(error),
                  false);
    if (changed)
        Q_EMIT engineChanged(reachable, error);
}

QString OverviewPage::serverStatusText() const
{
    return m_ui->serverStatus->text();
}

QString OverviewPage::engineStatusText() const
{
    return m_ui->engineStatus->text();
}

void OverviewPage::loadCounts()
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    m_api->channels(q, this, m_countOrder.next([this](const ApiResult &r) {
        if (r.ok())
            m_ui->channelsCount->setText(
                    QString::number(r.json.value(QLatin1String("total")).toInt()));
    }));
}

void OverviewPage::loadUsers()
{
    m_api->users(this, m_userOrder.next([this](const ApiResult &r) {
        if (!r.ok())
            return;
        const QJsonArray users = r.json.value(QLatin1String("users")).toArray();
        m_ui->usersCount->setText(QString::number(users.size()));
        const qint64 current = m_ui->userCombo->currentData().toLongLong();
        const bool hadUsers = m_ui->userCombo->count() > 1;
        QSignalBlocker block(m_ui->userCombo);
        m_ui->userCombo->clear();
        m_ui->userCombo->addItem(tr("(no user: address only)"), qint64(0));
        for (const QJsonValue &v : users) {
            const QJsonObject u = v.toObject();
            m_ui->userCombo->addItem(u.value(QLatin1String("username")).toString(),
                                     u.value(QLatin1String("id")).toInteger());
        }
        // The choice stays (a user, or "(no user)" picked by hand); "(no user)" shown because
        // there was none gives way to the first user.
        int index = hadUsers ? m_ui->userCombo->findData(current) : -1;
        if (index < 0)
            index = users.isEmpty() ? 0 : 1;
        m_ui->userCombo->setCurrentIndex(index);
        block.unblock();
        showConnectInfo();
    }));
}

void OverviewPage::showConnectInfo()
{
    const qint64 userId = m_ui->userCombo->currentData().toLongLong();
    m_api->connectInfo(userId, this, [this](const ApiResult &r) {
        if (!r.ok()) {
            m_ui->otherAddresses->setText(tr("Cannot read the addresses: %1").arg(r.error));
            return;
        }
        const QJsonObject user = r.json.value(QLatin1String("user")).toObject();
        const QString server = r.json.value(QLatin1String("server")).toString();
        m_ui->addressEdit->setText(server);
        m_ui->serverEdit->setText(user.value(QLatin1String("server")).toString(server));
        m_ui->usernameEdit->setText(user.value(QLatin1String("username")).toString());
        m_ui->passwordEdit->setText(user.value(QLatin1String("password")).toString());
        m_ui->m3uEdit->setText(user.value(QLatin1String("m3u")).toString());
        m_ui->xmltvEdit->setText(user.value(QLatin1String("xmltv")).toString());
        QStringList others;
        for (const QJsonValue &v : r.json.value(QLatin1String("urls")).toArray()) {
            if (v.toString() != server)
                others.append(v.toString());
        }
        m_ui->otherAddresses->setText(others.isEmpty()
                                              ? QString()
                                              : tr("This computer can also be reached at: %1")
                                                        .arg(others.join(QLatin1String(", "))));
    });
}

void OverviewPage::onEvent(const QString &type, const QJsonObject &data)
{
    if (type == QLatin1String("engine")) {
        setEngine(data);
    } else if (type == QLatin1String("changed")) {
        const QString area = data.value(QLatin1String("area")).toString();
        if (area == QLatin1String("users"))
            loadUsers();
        else if (area == QLatin1String("channels") || area == QLatin1String("sources"))
            loadCounts();
    } else if (type == QLatin1String("import.finished")) {
        loadCounts();
    }
}
