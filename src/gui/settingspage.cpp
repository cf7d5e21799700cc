#include "settingspage.h"

#include "apiclient.h"
#include "ui_settingspage.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSaveFile>

namespace {

QString groupTitle(const QString &group)
{
    if (group == QLatin1String("server"))
        return SettingsPage::tr("Server");
    if (group == QLatin1String("engine"))
        return SettingsPage::tr("AceStream engine");
    if (group == QLatin1String("streams"))
        return SettingsPage::tr("Streams");
    if (group == QLatin1String("catalog"))
        return SettingsPage::tr("Catalog");
    if (group == QLatin1String("players"))
        return SettingsPage::tr("Players");
    if (group == QLatin1String("admin"))
        return SettingsPage::tr("Administration");
    if (group == QLatin1String("logs"))
        return SettingsPage::tr("Logs");
    return group;
}

// A setting's name in the user's language (Settings::specs() marks its key for lupdate, so
// the Italian has a real name), else from its key: "stream_linger_s" -> "Stream linger" (the
// unit shows next to the field).
QString settingName(const QString &key)
{
    const QByteArray source = key.toUtf8();
    const QString translated = QCoreApplication::translate("SettingName", source.constData());
    if (translated != key)
        return translated;
    QString s = key;
    s.remove(QRegularExpression(QStringLiteral("_(s|ms|kib|mib|hours)$")));
    QStringList words = s.split(QLatin1Char('_'), Qt::SkipEmptyParts);
    for (QString &w : words) {
        if (w == QLatin1String("http") || w == QLatin1String("epg"))
            w = w.toUpper(); // "HTTP max connections", not "Http max connections"
    }
    s = words.join(QLatin1Char(' '));
    if (!s.isEmpty())
        s[0] = s.at(0).toUpper();
    return s;
}

// The schema's English description in the user's language (marked in Settings::specs());
// a remote AceHub's description this panel has no translation for stays English.
QString settingDescription(const QString &english)
{
    const QByteArray source = english.toUtf8();
    return QCoreApplication::translate("Settings", source.constData());
}

} // namespace

SettingsPage::SettingsPage(ApiClient *api, QWidget *parent)
    : Page(api, parent), m_ui(std::make_unique<Ui::SettingsPage>())
{
    m_ui->setupUi(this);
    // The settings get the height; the password and backup boxes keep their own.
    if (auto *box = qobject_cast<QBoxLayout *>(layout()))
        box->setStretch(0, 1);
    m_ui->applyButton->setEnabled(false);
    m_ui->restartNote->setStyleSheet(QStringLiteral("color: #b26a00"));
    connect(m_ui->applyButton, &QPushButton::clicked, this, &SettingsPage::apply);
    connect(m_ui->revertButton, &QPushButton::clicked, this, &SettingsPage::reload);
    connect(m_ui->changePasswordButton, &QPushButton::clicked, this, &SettingsPage::changePassword);
    connect(m_ui->backupButton, &QPushButton::clicked, this, &SettingsPage::backup);
    connect(m_ui->restoreButton, &QPushButton::clicked, this, &SettingsPage::restore);
    connect(api, &ApiClient::event, this, [this](const QString &type, const QJsonObject &data) {
        // Someone else changed settings: show them, unless this form has unsaved edits.
        if (type == QLatin1String("changed")
            && data.value(QLatin1String("area")).toString() == QLatin1String("settings")
            && !m_ui->applyButton->isEnabled())
            reload();
    });
}

SettingsPage::~SettingsPage() = default;

void SettingsPage::reload()
{
    m_api->settings(this, [this](const ApiResult &values) {
        if (!values.ok())
            return;
        const QJsonArray items = values.json.value(QLatin1String("items")).toArray();
        m_api->settingsSchema(this, [this, items](const ApiResult &schema) {
            // An AceHub without the schema route: its settings list says enough to build on.
            build(schema.ok() ? schema.json.value(QLatin1String("items")).toArray() : items, items);
        });
    });
}

void SettingsPage::build(const QJsonArray &schema, const QJsonArray &values)
{
    qDeleteAll(m_groups);
    m_groups.clear();
    m_fields.clear();
    QHash<QString, QJsonObject> valueOf;
    for (const QJsonValue &v : values)
        valueOf.insert(v.toObject().value(QLatin1String("key")).toString(), v.toObject());
    QHash<QString, QFormLayout *> forms;
    for (const QJsonValue &sv : schema) {
        const QJsonObject s = sv.toObject();
        const QString key = s.value(QLatin1String("key")).toString();
        const QString group = s.value(QLatin1String("group")).toString(QStringLiteral("server"));
        QFormLayout *form = forms.value(group);
        if (!form) {
            auto *box = new QGroupBox(groupTitle(group), m_ui->formWidget);
            form = new QFormLayout(box);
            m_ui->formLayout->addWidget(box);
            m_groups.append(box);
            forms.insert(group, form);
        }
        Field field;
        field.schema = s;
        const QJsonObject current = valueOf.value(key);
        field.value = current.value(QLatin1String("value"));
        const QString type = s.value(QLatin1String("type")).toString();
        auto *row = new QWidget;
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        const QString description
                = settingDescription(s.value(QLatin1String("description")).toString());
        if (type == QLatin1String("enum") || s.contains(QLatin1String("choices"))) {
            auto *combo = new QComboBox(row);
            for (const QJsonValue &c : s.value(QLatin1String("choices")).toArray())
                combo->addItem(c.toVariant().toString());
            combo->setCurrentText(field.value.toVariant().toString());
            connect(combo, &QComboBox::currentIndexChanged, this, &SettingsPage::validate);
            field.editor = combo;
        } else {
            auto *edit = new QLineEdit(field.value.toVariant().toString(), row);
            connect(edit, &QLineEdit::textChanged, this, &SettingsPage::validate);
            field.editor = edit;
        }
        field.editor->setObjectName(key);
        field.editor->setAccessibleName(settingName(key));
        field.editor->setAccessibleDescription(description);
        field.editor->setToolTip(description);
        h->addWidget(field.editor, 1);
        if (!s.value(QLatin1String("unit")).toString().isEmpty())
            h->addWidget(new QLabel(s.value(QLatin1String("unit")).toString(), row));
        if (s.value(QLatin1String("restart")).toBool()) {
            auto *note = new QLabel(tr("(after a restart)"), row);
            note->setStyleSheet(QStringLiteral("color: #757575"));
            h->addWidget(note);
        }
        const QString layer = current.value(QLatin1String("layer")).toString();
        if (layer == QLatin1String("environment") || layer == QLatin1String("command line")) {
            auto *note = new QLabel(tr("(set by the %1)")
                                            .arg(layer == QLatin1String("environment")
                                                         ? tr("environment")
                                                         : tr("command line")),
                                    row);
            note->setStyleSheet(QStringLiteral("color: #757575"));
            h->addWidget(note);
        }
        field.error = new QLabel(row);
        field.error->setStyleSheet(QStringLiteral("color: #c62828"));
        field.error->hide();
        auto *column = new QWidget;
        auto *v = new QVBoxLayout(column);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(0);
        v->addWidget(row);
        v->addWidget(field.error);
        auto *label = new QLabel(settingName(key) + QLatin1Char(':'));
        label->setToolTip(description);
        label->setBuddy(field.editor);
        form->addRow(label, column);
        m_fields.append(field);
    }
    m_ui->restartNote->clear();
    validate();
}

QJsonValue SettingsPage::editorValue(const Field &field, QString *error) const
{
    const QString type = field.schema.value(QLatin1String("type")).toString();
    QString text;
    if (auto *combo = qobject_cast<QComboBox *>(field.editor))
        text = combo->currentText();
    else
        text = static_cast<QLineEdit *>(field.editor)->text().trimmed();
    if (type == QLatin1String("int")) {
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        const QJsonValue min = field.schema.value(QLatin1String("min"));
        const QJsonValue max = field.schema.value(QLatin1String("max"));
        if (!ok) {
            *error = tr("a whole number is needed");
            return {};
        }
        if ((min.isDouble() && n < min.toInteger()) || (max.isDouble() && n > max.toInteger())) {
            *error = tr("must be between %1 and %2").arg(min.toInteger()).arg(max.toInteger());
            return {};
        }
        return n;
    }
    if (type == QLatin1String("address") && text.isEmpty()) {
        *error = tr("an address is needed");
        return {};
    }
    return text;
}

QString SettingsPage::validationError() const
{
    for (const Field &f : m_fields) {
        QString error;
        editorValue(f, &error);
        if (!error.isEmpty())
            return f.schema.value(QLatin1String("key")).toString() + QLatin1String(": ") + error;
    }
    return QString();
}

void SettingsPage::validate()
{
    bool valid = true;
    bool changed = false;
    for (const Field &f : std::as_const(m_fields)) {
        QString error;
        const QJsonValue v = editorValue(f, &error);
        f.error->setText(error);
        f.error->setVisible(!error.isEmpty());
        valid = valid && error.isEmpty();
        if (error.isEmpty() && v.toVariant().toString() != f.value.toVariant().toString())
            changed = true;
    }
    m_ui->applyButton->setEnabled(valid && changed);
}

void SettingsPage::apply()
{
    QJsonObject changes;
    QStringList restart;
    for (const Field &f : std::as_const(m_fields)) {
        QString error;
        const QJsonValue v = editorValue(f, &error);
        if (!error.isEmpty())
            return;
        if (v.toVariant().toString() == f.value.toVariant().toString())
            continue;
        const QString key = f.schema.value(QLatin1String("key")).toString();
        changes.insert(key, v);
        if (f.schema.value(QLatin1String("restart")).toBool())
            restart.append(settingName(key));
    }
    if (changes.isEmpty())
        return;
    m_ui->applyButton->setEnabled(false);
    m_api->updateSettings(changes, this, [this, restart](const ApiResult &r) {
        if (!r.ok()) {
            Q_EMIT message(tr("Settings not saved: %1").arg(r.error));
            validate();
            return;
        }
        Q_EMIT message(tr("Settings saved"));
        reload();
        QMetaObject::invokeMethod(
                this,
                [this, restart] {
                    if (!restart.isEmpty())
                        m_ui->restartNote->setText(tr("Restart AceHub to apply: %1")
                                                           .arg(restart.join(QLatin1String(", "))));
                },
                Qt::QueuedConnection);
    });
}

void SettingsPage::changePassword()
{
    const QString next = m_ui->newPasswordEdit->text();
    if (next.size() < 8) {
        Q_EMIT message(tr("The new password needs at least 8 characters"));
        return;
    }
    if (next != m_ui->repeatPasswordEdit->text()) {
        Q_EMIT message(tr("The two new passwords differ"));
        return;
    }
    m_api->changePassword(m_ui->currentPasswordEdit->text(), next, this,
                          [this](const ApiResult &r) {
                              if (!r.ok()) {
                                  Q_EMIT message(tr("Password not changed: %1").arg(r.error));
                                  return;
                              }
                              m_ui->currentPasswordEdit->clear();
                              m_ui->newPasswordEdit->clear();
                              m_ui->repeatPasswordEdit->clear();
                              Q_EMIT message(tr("Admin password changed"));
                          });
}

void SettingsPage::backup()
{
    const QString path = QFileDialog::getSaveFileName(
            this, tr("Back up AceHub"),
            QStringLiteral("acehub-backup-%1.json").arg(QDate::currentDate().toString(Qt::ISODate)),
            tr("AceHub backups (*.json)"));
    if (path.isEmpty())
        return;
    m_api->backup(this, [this, path](const ApiResult &r) {
        if (!r.ok()) {
            Q_EMIT message(tr("Backup failed: %1").arg(r.error));
            return;
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(r.body) != r.body.size()
            || !file.commit()) {
            Q_EMIT message(tr("Cannot write %1").arg(path));
            return;
        }
        Q_EMIT message(tr("Backed up to %1").arg(path));
    });
}

void SettingsPage::restore()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Restore AceHub"), QString(),
                                                      tr("AceHub backups (*.json)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT message(tr("Cannot read %1").arg(path));
        return;
    }
    const QByteArray document = file.readAll();
    if (QMessageBox::warning(this, tr("Restore"),
                             tr("Replace the settings, categories, sources, channels and users "
                                "with the ones in %1? What is there now is lost.")
                                     .arg(path),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    m_api->restore(document, this, [this](const ApiResult &r) {
        Q_EMIT message(r.ok() ? tr("Restored") : tr("Restore failed: %1").arg(r.error));
    });
}
