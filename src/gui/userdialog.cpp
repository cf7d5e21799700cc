#include "userdialog.h"

#include "apiclient.h"
#include "guiformat.h"
#include "ui_userdialog.h"

#include <QPushButton>
#include <QRandomGenerator>

UserDialog::UserDialog(ApiClient *api, const QJsonObject &user, const QJsonArray &categories,
                       QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::UserDialog>()), m_api(api)
{
    m_ui->setupUi(this);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_id = user.value(QLatin1String("id")).toInteger();
    setWindowTitle(m_id ? tr("Edit user %1").arg(user.value(QLatin1String("username")).toString())
                        : tr("New user"));
    connect(m_ui->generateButton, &QPushButton::clicked, this,
            [this] { m_ui->passwordEdit->setText(generatePassword()); });
    connect(m_ui->expiresCheck, &QCheckBox::toggled, m_ui->expiresEdit, &QWidget::setEnabled);
    m_ui->expiresEdit->setDateTime(QDateTime::currentDateTime().addMonths(1));

    QList<qint64> allowed;
    for (const QJsonValue &v : user.value(QLatin1String("categories")).toArray())
        allowed.append(v.toInteger());
    for (const QJsonValue &v : categories) {
        const QJsonObject c = v.toObject();
        auto *item = new QListWidgetItem(c.value(QLatin1String("name")).toString(),
                                         m_ui->categoriesList);
        const qint64 id = c.value(QLatin1String("id")).toInteger();
        item->setData(Qt::UserRole, id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(allowed.contains(id) ? Qt::Checked : Qt::Unchecked);
    }
    if (m_id) {
        m_ui->usernameEdit->setText(user.value(QLatin1String("username")).toString());
        m_ui->passwordEdit->setText(user.value(QLatin1String("password")).toString());
        m_ui->maxConnectionsSpin->setValue(user.value(QLatin1String("max_connections")).toInt(1));
        m_ui->enabledCheck->setChecked(user.value(QLatin1String("enabled")).toBool(true));
        const QDateTime expires = GuiFormat::time(user.value(QLatin1String("expires_at")));
        m_ui->expiresCheck->setChecked(expires.isValid());
        if (expires.isValid())
            m_ui->expiresEdit->setDateTime(expires);
    } else {
        m_ui->passwordEdit->setText(generatePassword());
    }
}

UserDialog::~UserDialog() = default;

QString UserDialog::generatePassword()
{
    // No look-alike characters: people type these on a TV remote.
    static const QString alphabet = QStringLiteral("abcdefghjkmnpqrstuvwxyz23456789");
    QString out;
    for (int i = 0; i < 12; ++i)
        out += alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size())));
    return out;
}

QJsonObject UserDialog::body() const
{
    QJsonArray categories;
    for (int i = 0; i < m_ui->categoriesList->count(); ++i) {
        const QListWidgetItem *item = m_ui->categoriesList->item(i);
        if (item->checkState() == Qt::Checked)
            categories.append(item->data(Qt::UserRole).toLongLong());
    }
    return {{QStringLiteral("username"), m_ui->usernameEdit->text().trimmed()},
            {QStringLiteral("password"), m_ui->passwordEdit->text()},
            {QStringLiteral("max_connections"), m_ui->maxConnectionsSpin->value()},
            {QStringLiteral("enabled"), m_ui->enabledCheck->isChecked()},
            {QStringLiteral("expires_at"),
             m_ui->expiresCheck->isChecked()
                     ? QJsonValue(m_ui->expiresEdit->dateTime().toUTC().toString(Qt::ISODate))
                     : QJsonValue()},
            {QStringLiteral("categories"), categories}};
}

void UserDialog::accept()
{
    m_ui->errorLabel->clear();
    auto done = [this](const ApiResult &r) {
        m_ui->buttonBox->setEnabled(true);
        if (!r.ok()) {
            m_ui->errorLabel->setText(r.error);
            return;
        }
        Q_EMIT saved(r.json);
        QDialog::accept();
    };
    m_ui->buttonBox->setEnabled(false);
    if (m_id)
        m_api->updateUser(m_id, body(), this, done);
    else
        m_api->createUser(body(), this, done);
}
