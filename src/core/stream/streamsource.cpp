#include "streamsource.h"

#include <QRegularExpression>
#include <QUrl>

Q_LOGGING_CATEGORY(lcStream, "acehub.stream")

QString StreamSource::key() const
{
    switch (kind) {
    case Kind::AceContentId:
        return QStringLiteral("ace:") + id;
    case Kind::AceInfohash:
        return QStringLiteral("acehash:") + id;
    case Kind::Direct:
        return QStringLiteral("url:") + id;
    }
    return {};
}

QString StreamSource::kindName() const
{
    switch (kind) {
    case Kind::AceContentId:
        return QStringLiteral("content_id");
    case Kind::AceInfohash:
        return QStringLiteral("infohash");
    case Kind::Direct:
        return QStringLiteral("url");
    }
    return {};
}

bool StreamSource::isValidAceId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[0-9A-Fa-f]{40}$"));
    return re.match(id).hasMatch();
}

bool StreamSource::isValidDirectUrl(const QString &url)
{
    const QUrl u(url, QUrl::StrictMode);
    return u.isValid() && !u.host().isEmpty()
           && (u.scheme() == QLatin1String("http") || u.scheme() == QLatin1String("https"));
}

std::optional<StreamSource> StreamSource::fromAceQuery(const QUrlQuery &query, QString *error)
{
    static const char *const names[] = {"id", "content_id", "infohash"};
    QString field;
    int given = 0;
    for (const char *name : names) {
        if (query.hasQueryItem(QLatin1String(name))) {
            ++given;
            field = QLatin1String(name);
        }
    }
    if (given != 1) {
        *error = QStringLiteral("give exactly one of id, content_id or infohash");
        return std::nullopt;
    }
    const QList<QString> values = query.allQueryItemValues(field, QUrl::FullyDecoded);
    if (values.size() != 1) {
        *error = QStringLiteral("%1: given more than once").arg(field);
        return std::nullopt;
    }
    const QString value = values.first().trimmed();
    if (!isValidAceId(value)) {
        *error = QStringLiteral("%1: expected 40 hexadecimal characters").arg(field);
        return std::nullopt;
    }
    return field == QLatin1String("infohash") ? aceInfohash(value) : aceContentId(value);
}

std::optional<StreamSource> StreamSource::fromKey(const QString &key)
{
    if (key.startsWith(QLatin1String("ace:")) && isValidAceId(key.mid(4)))
        return aceContentId(key.mid(4));
    if (key.startsWith(QLatin1String("acehash:")) && isValidAceId(key.mid(8)))
        return aceInfohash(key.mid(8));
    if (key.startsWith(QLatin1String("url:")) && isValidDirectUrl(key.mid(4)))
        return direct(key.mid(4));
    return std::nullopt;
}
