#pragma once

#include "page.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <memory>

namespace Ui {
class SettingsPage;
}
class QLabel;

// AceHub's settings as a form built from /api/settings/schema (so a new setting needs no new
// panel), checked as they are typed; the admin password; backup and restore.
class SettingsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    explicit SettingsPage(ApiClient *api, QWidget *parent = nullptr);
    ~SettingsPage() override;

    void reload() override;
    // The first refusal of the form ("port: must be between …"), empty when all is valid.
    QString validationError() const;

private:
    struct Field
    {
        QJsonObject schema;
        QJsonValue value; // as stored on the server
        QWidget *editor = nullptr;
        QLabel *error = nullptr;
    };
    void build(const QJsonArray &schema, const QJsonArray &values);
    QJsonValue editorValue(const Field &field, QString *error) const;
    void validate();
    void apply();
    void changePassword();
    void backup();
    void restore();

    std::unique_ptr<Ui::SettingsPage> m_ui;
    QList<Field> m_fields;
    QList<QWidget *> m_groups;
};
