#include "xmltvparser.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>
#include <QXmlStreamReader>

std::optional<qint64> XmltvParser::parseTime(const QString &text)
{
    static const QRegularExpression re(
            QStringLiteral("^\\s*(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})?\\s*(?:([+-])("
                           "\\d{2}):?(\\d{2}))?\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(),
                     m.captured(6).isEmpty() ? 0 : m.captured(6).toInt());
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    qint64 secs = QDateTime(date, time, QTimeZone::utc()).toSecsSinceEpoch();
    if (!m.captured(7).isEmpty()) {
        const qint64 offset = m.captured(8).toInt() * 3600 + m.captured(9).toInt() * 60;
        secs -= m.captured(7) == QLatin1String("+") ? offset : -offset;
    }
    return secs;
}

XmltvParser::Result XmltvParser::parse(QIODevice *device, const Callbacks &callbacks)
{
    Result result;
    QXmlStreamReader xml(device);
    bool sawRoot = false;
    int sinceProgress = 0;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        if (!sawRoot) {
            if (name != QLatin1String("tv")) {
                result.error = QStringLiteral("not an XMLTV guide (root element <%1>)")
                                       .arg(name.toString());
                return result;
            }
            sawRoot = true;
            continue;
        }
        if (++sinceProgress >= 500) {
            sinceProgress = 0;
            if (callbacks.progress && !callbacks.progress()) {
                result.error = QStringLiteral("cancelled");
                return result;
            }
        }
        if (name == QLatin1String("channel")) {
            XmltvChannel channel;
            channel.id = xml.attributes().value(QLatin1String("id")).toString().trimmed();
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("display-name")) {
                    const QString text
                            = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
                    if (channel.displayName.isEmpty())
                        channel.displayName = text;
                    else if (!text.isEmpty() && !channel.otherNames.contains(text))
                        channel.otherNames << text;
                } else if (xml.name() == QLatin1String("icon")) {
                    if (channel.icon.isEmpty())
                        channel.icon = xml.attributes().value(QLatin1String("src")).toString();
                    xml.skipCurrentElement();
                } else
                    xml.skipCurrentElement();
            }
            if (!channel.id.isEmpty()) {
                ++result.channels;
                if (callbacks.channel)
                    callbacks.channel(channel);
            }
        } else if (name == QLatin1String("programme")) {
            XmltvProgramme p;
            const auto attrs = xml.attributes();
            p.channel = attrs.value(QLatin1String("channel")).toString().trimmed();
            const auto start = parseTime(attrs.value(QLatin1String("start")).toString());
            const auto stop = parseTime(attrs.value(QLatin1String("stop")).toString());
            while (xml.readNextStartElement()) {
                const auto child = xml.name();
                if (child == QLatin1String("title") && p.title.isEmpty()) {
                    p.lang = xml.attributes().value(QLatin1String("lang")).toString();
                    p.title = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
                } else if (child == QLatin1String("desc") && p.description.isEmpty())
                    p.description
                            = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
                else if (child == QLatin1String("category") && p.category.isEmpty())
                    p.category
                            = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
                else
                    xml.skipCurrentElement();
            }
            if (xml.hasError())
                break;
            if (p.channel.isEmpty() || !start || p.title.isEmpty()) {
                ++result.skipped;
                continue;
            }
            p.start = *start;
            // A missing stop is common in the last programme of a day: give it an hour.
            p.stop = stop && *stop > p.start ? *stop : p.start + 3600;
            ++result.programmes;
            if (callbacks.programme)
                callbacks.programme(p);
        } else {
            xml.skipCurrentElement();
        }
    }
    if (xml.hasError()) {
        result.error = QStringLiteral("malformed XML at line %1, column %2: %3")
                               .arg(xml.lineNumber())
                               .arg(xml.columnNumber())
                               .arg(xml.errorString());
    } else if (!sawRoot) {
        result.error = QStringLiteral("not an XMLTV guide (empty document)");
    }
    return result;
}
