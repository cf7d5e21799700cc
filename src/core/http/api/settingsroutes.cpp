#include "settingsroutes.h"

#include "http/api/apiinput.h"
#include "http/httpfront.h"
#include "http/httputil.h"
#include "storage/settings.h"

#include <QJsonArray>

namespace {
using M = HttpFront::Method;
using Access = HttpFront::Access;
using Status = Http::Status;
using namespace Api;
} // namespace

SettingsRoutes::SettingsRoutes(HttpFront *http, const Settings *settings,
                               Api::SettingsWriter writeSettings)
    : QObject(http), m_settings(settings), m_writeSettings(std::move(writeSettings))
{
    http->route(
            M::Get | M::Head, QStringLiteral("/api/settings"), Access::Admin,
            [this](const HttpRequest &, QHttpServerResponder &r) {
                const Settings &settings = (*m_settings);
                QJsonArray items;
                for (const SettingSpec &s : Settings::specs()) {
                    QJsonObject o {
                            {QStringLiteral("key"), s.key},
                            {QStringLiteral("value"),
                             QJsonValue::fromVariant(settings.value(s.key))},
                            {QStringLiteral("default"), QJsonValue::fromVariant(s.defaultValue)},
                            {QStringLiteral("layer"), Settings::layerName(settings.layerOf(s.key))},
                            {QStringLiteral("type"), s.type == QMetaType::Int
                                                             ? QStringLiteral("int")
                                                             : QStringLiteral("string")},
                            {QStringLiteral("description"), s.description},
                            {QStringLiteral("environment"), s.environmentName()}};
                    if (s.minimum.isValid())
                        o.insert(QStringLiteral("min"), QJsonValue::fromVariant(s.minimum));
                    if (s.maximum.isValid())
                        o.insert(QStringLiteral("max"), QJsonValue::fromVariant(s.maximum));
                    if (!s.choices.isEmpty())
                        o.insert(QStringLiteral("choices"), QJsonArray::fromStringList(s.choices));
                    items.append(o);
                }
                Http::sendJson(r, QJsonObject {{QStringLiteral("items"), items}});
            });

    // What the faces build their settings forms from (docs/admin-api.md, "Settings schema").
    http->route(M::Get | M::Head, QStringLiteral("/api/settings/schema"), Access::Admin,
                [](const HttpRequest &req, QHttpServerResponder &r) {
                    if (!Query::check(req, r, {}))
                        return;
                    QJsonArray items;
                    for (const SettingSpec &s : Settings::specs()) {
                        QJsonObject o {{QStringLiteral("key"), s.key},
                                       {QStringLiteral("type"), s.typeName()},
                                       {QStringLiteral("default"),
                                        QJsonValue::fromVariant(s.defaultValue)},
                                       {QStringLiteral("group"), s.group},
                                       {QStringLiteral("description"), s.description},
                                       {QStringLiteral("restart"), s.restart}};
                        if (s.minimum.isValid())
                            o.insert(QStringLiteral("min"), QJsonValue::fromVariant(s.minimum));
                        if (s.maximum.isValid())
                            o.insert(QStringLiteral("max"), QJsonValue::fromVariant(s.maximum));
                        if (!s.choices.isEmpty())
                            o.insert(QStringLiteral("choices"),
                                     QJsonArray::fromStringList(s.choices));
                        if (!s.unit.isEmpty())
                            o.insert(QStringLiteral("unit"), s.unit);
                        items.append(o);
                    }
                    Http::sendJson(r, QJsonObject {{QStringLiteral("items"), items}});
                });

    http->route(
            M::Patch | M::Put, QStringLiteral("/api/settings"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                const auto body = jsonBody(req, r);
                if (!body)
                    return;
                if (body->isEmpty()) {
                    Http::sendError(r, Status::BadRequest,
                                    QStringLiteral("body: no settings given"));
                    return;
                }
                QVariantMap values;
                for (auto it = body->begin(); it != body->end(); ++it) {
                    // JSON booleans, arrays and objects are never a setting's value.
                    if (!it.value().isDouble() && !it.value().isString()) {
                        Http::sendError(
                                r, Status::BadRequest,
                                QStringLiteral("%1: expected a number or a string").arg(it.key()));
                        return;
                    }
                    values.insert(it.key(), it.value().toVariant());
                }
                // Validates every value first, then writes all or none.
                if (const auto error = m_writeSettings(values)) {
                    const bool unknownOrBad = error->contains(QLatin1Char(':'))
                                              && !error->startsWith(QLatin1String("cannot save"));
                    if (unknownOrBad)
                        Http::sendError(r, Status::BadRequest, *error);
                    else
                        Http::sendDatabaseError(r, *error);
                    return;
                }
                QJsonObject changed;
                for (auto it = values.cbegin(); it != values.cend(); ++it) {
                    changed.insert(
                            it.key(),
                            QJsonObject {{QStringLiteral("value"),
                                          QJsonValue::fromVariant((*m_settings).value(it.key()))},
                                         {QStringLiteral("layer"),
                                          Settings::layerName((*m_settings).layerOf(it.key()))}});
                }
                Http::sendJson(r, QJsonObject {{QStringLiteral("updated"), changed}});
            });
}
