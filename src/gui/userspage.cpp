#include "userspage.h"

#include "apiclient.h"
#include "guiformat.h"
#include "jsontablemodel.h"
#include "ui_userspage.h"
#include "userdialog.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMessageBox>
#include <QSortFilterProxyModel>

UsersPage::UsersPage(ApiClient *api, QWidget *parent)
    : Page(api, parent), m_ui(std::make_unique<Ui::UsersPage>()), m_model(new JsonTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_model->setColumns({
            JsonTableModel::keyColumn(tr("Username"), QStringLiteral("username")),
            {tr("Status"),
             [](const QJsonObject &o, int role) -> QVariant {
                 if (role != Qt::DisplayRole)
                     return {};
                 const QString s = o.value(QLatin1String("status")).toString();
                 if (s == QLatin1String("active"))
                     return tr("Active");
                 if (s == QLatin1String("expired"))
                     return tr("Expired");
                 if (s == QLatin1String("disabled"))
                     return tr("Disabled");
                 return s;
             }},
            {tr("Watching"),
             [](const QJsonObject &o, int role) -> QVariant {
                 if (role != Qt::DisplayRole)
                     return {};
                 return QStringLiteral("%1 / %2")
                         .arg(o.value(QLatin1String("active_connections")).toInt())
                         .arg(o.value(QLatin1String("max_connections")).toInt());
             }},
            {tr("Expires"),
             [](const QJsonObject &o, int role) -> QVariant {
                 if (role == JsonTableModel::SortRole)
                     return GuiFormat::time(o.value(QLatin1String("expires_at")));
                 if (role != Qt::DisplayRole)
                     return {};
                 const QString t = GuiFormat::timeText(o.value(QLatin1String("expires_at")));
                 return t.isEmpty() ? tr("Never") : t;
             }},
            {tr("Categories"),
             [](const QJsonObject &o, int role) -> QVariant {
                 if (role != Qt::DisplayRole)
                     return {};
                 const int n = int(o.value(QLatin1String("categories")).toArray().size());
                 return n == 0 ? tr("All") : QString::number(n);
             }},
    });
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(0);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(JsonTableModel::SortRole);
    m_ui->usersView->setModel(m_proxy);
    m_ui->usersView->setSortingEnabled(true);
    m_ui->usersView->sortByColumn(0, Qt::AscendingOrder);
    m_ui->usersView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_ui->usersView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ui->usersView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_ui->usersView->verticalHeader()->hide();
    connect(m_ui->searchEdit, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_ui->addButton, &QPushButton::clicked, this, [this] { edit({}); });
    connect(m_ui->editButton, &QPushButton::clicked, this, [this] {
        if (!currentUser().isEmpty())
            edit(currentUser());
    });
    connect(m_ui->usersView, &QTableView::activated, this, [this] { edit(currentUser()); });
    connect(m_ui->deleteButton, &QPushButton::clicked, this, [this] {
        const QJsonObject user = currentUser();
        if (user.isEmpty())
            return;
        const QString name = user.value(QLatin1String("username")).toString();
        if (QMessageBox::question(
                    this, tr("Delete user"),
                    tr("Delete the user %1? TVs signed in as %1 stop playing.").arg(name))
            != QMessageBox::Yes)
            return;
        const qint64 id = user.value(QLatin1String("id")).toInteger();
        m_api->deleteUser(id, this, [this, id](const ApiResult &r) {
            if (r.ok())
                m_model->removeId(id);
            else
                Q_EMIT message(tr("Not deleted: %1").arg(r.error));
        });
    });
    connect(m_ui->copyButton, &QPushButton::clicked, this, [this] {
        const QJsonObject user = currentUser();
        if (user.isEmpty())
            return;
        m_api->connectInfo(user.value(QLatin1String("id")).toInteger(), this,
                           [this](const ApiResult &r) {
                               const QString m3u = r.json.value(QLatin1String("user"))
                                                           .toObject()
                                                           .value(QLatin1String("m3u"))
                                                           .toString();
                               if (!r.ok() || m3u.isEmpty()) {
                                   Q_EMIT message(tr("No link: %1").arg(r.error));
                                   return;
                               }
                               QGuiApplication::clipboard()->setText(m3u);
                               Q_EMIT message(tr("Copied: %1").arg(m3u));
                           });
    });
    connect(api, &ApiClient::event, this, [this](const QString &type, const QJsonObject &data) {
        if (type == QLatin1String("changed")
            && data.value(QLatin1String("area")).toString() == QLatin1String("users"))
            reload();
        else if (type == QLatin1String("player.joined") || type == QLatin1String("player.left"))
            reload(); // the Watching column
    });
}

UsersPage::~UsersPage() = default;

void UsersPage::reload()
{
    m_api->users(this, m_userOrder.next([this](const ApiResult &r) {
        if (r.ok())
            m_model->setItems(r.json.value(QLatin1String("users")).toArray());
    }));
    m_api->categories(this, m_categoryOrder.next([this](const ApiResult &r) {
        if (r.ok())
            m_categories = r.json.value(QLatin1String("items")).toArray();
    }));
}

void UsersPage::focusSearch()
{
    m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->searchEdit->selectAll();
}

QJsonObject UsersPage::currentUser() const
{
    const QModelIndex current = m_ui->usersView->currentIndex();
    return current.isValid() ? current.data(JsonTableModel::ObjectRole).toJsonObject()
                             : QJsonObject();
}

void UsersPage::edit(const QJsonObject &user)
{
    auto *dialog = new UserDialog(m_api, user, m_categories, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &UserDialog::saved, this, [this](const QJsonObject &saved) {
        m_model->upsert(saved);
        Q_EMIT message(tr("Saved user %1").arg(saved.value(QLatin1String("username")).toString()));
    });
    dialog->open();
}
