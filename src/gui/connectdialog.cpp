#include "connectdialog.h"

#include "apiclient.h"
#include "ui_connectdialog.h"

#include <QPushButton>
#include <QSettings>

namespace {
const QString kAddresses = QStringLiteral("remote/addresses");
}

ConnectDialog::ConnectDialog(ApiClient *api, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ConnectDialog>()), m_api(api)
{
    m_ui->setupUi(this);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->addressCombo->addItems(rememberedAddresses());
    m_ui->addressCombo->lineEdit()->setPlaceholderText(QStringLiteral("http://nas.local:6880"));
    if (m_ui->addressCombo->count() > 0)
        m_ui->passwordEdit->setFocus();
}

ConnectDialog::~ConnectDialog() = default;

QStringList ConnectDialog::rememberedAddresses()
{
    return QSettings().value(kAddresses).toStringList();
}

QUrl ConnectDialog::normalized(const QString &address)
{
    QString text = address.trimmed();
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("http://"));
    QUrl url(text);
    if (url.port() < 0 && url.scheme() == QLatin1String("http"))
        url.setPort(6880);
    url.setPath(QString());
    return url;
}

void ConnectDialog::setError(const QString &error)
{
    m_ui->errorLabel->setText(error);
}

void ConnectDialog::accept()
{
    const QUrl base = normalized(m_ui->addressCombo->currentText());
    if (!base.isValid() || base.host().isEmpty()) {
        setError(tr("Type the address of the AceHub, for example http://nas.local:6880"));
        return;
    }
    setError(tr("Signing in…"));
    m_ui->buttonBox->setEnabled(false);
    m_api->login(base, m_ui->passwordEdit->text(), this, [this, base](const ApiResult &r) {
        m_ui->buttonBox->setEnabled(true);
        const QString token = r.json.value(QLatin1String("token")).toString();
        if (!r.ok() || token.isEmpty()) {
            setError(r.status == 0 ? tr("Cannot reach %1: %2").arg(base.toString(), r.error)
                                   : tr("Not signed in: %1").arg(r.error));
            return;
        }
        QStringList addresses = rememberedAddresses();
        addresses.removeAll(base.toString());
        addresses.prepend(base.toString());
        QSettings().setValue(kAddresses, addresses.mid(0, 10));
        m_ui->passwordEdit->clear();
        Q_EMIT signedIn(base, token);
        QDialog::accept();
    });
}
