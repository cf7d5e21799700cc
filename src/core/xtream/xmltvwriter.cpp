#include "xmltvwriter.h"

#include "playercatalog.h"

#include <QBuffer>
#include <QDateTime>
#include <QSet>
#include <QXmlStreamWriter>

QString XmltvWriter::time(qint64 epoch)
{
    return QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC).toString(QStringLiteral("yyyyMMddHHmmss"))
           + QStringLiteral(" +0000");
}

QByteArray XmltvWriter::write(const QSqlDatabase &db, const XtreamUser &user, qint64 now)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QXmlStreamWriter xml(&buffer);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeStartDocument();
    xml.writeDTD(QStringLiteral("<!DOCTYPE tv SYSTEM \"xmltv.dtd\">"));
    xml.writeStartElement(QStringLiteral("tv"));
    xml.writeAttribute(QStringLiteral("generator-info-name"), QStringLiteral("AceHub"));

    // A guide channel shared by several channels is written once, under the first one's name.
    QList<PlayerCatalog::Channel> guideChannels;
    QSet<QString> seen;
    for (const PlayerCatalog::Channel &c : PlayerCatalog::channels(db, user)) {
        if (c.epgId.isEmpty() || seen.contains(c.epgId))
            continue;
        seen.insert(c.epgId);
        guideChannels.append(c);
    }
    for (const PlayerCatalog::Channel &c : std::as_const(guideChannels)) {
        xml.writeStartElement(QStringLiteral("channel"));
        xml.writeAttribute(QStringLiteral("id"), c.epgId);
        xml.writeTextElement(QStringLiteral("display-name"), c.name);
        if (!c.logo.isEmpty()) {
            xml.writeEmptyElement(QStringLiteral("icon"));
            xml.writeAttribute(QStringLiteral("src"), c.logo);
        }
        xml.writeEndElement();
    }
    for (const PlayerCatalog::Channel &c : std::as_const(guideChannels)) {
        const auto programmes = PlayerCatalog::programmes(db, c.epgId, now - kPastSeconds);
        for (const PlayerCatalog::Programme &p : programmes) {
            xml.writeStartElement(QStringLiteral("programme"));
            xml.writeAttribute(QStringLiteral("start"), time(p.start));
            xml.writeAttribute(QStringLiteral("stop"), time(p.stop));
            xml.writeAttribute(QStringLiteral("channel"), c.epgId);
            xml.writeStartElement(QStringLiteral("title"));
            if (!p.lang.isEmpty())
                xml.writeAttribute(QStringLiteral("lang"), p.lang);
            xml.writeCharacters(p.title);
            xml.writeEndElement();
            if (!p.description.isEmpty()) {
                xml.writeStartElement(QStringLiteral("desc"));
                if (!p.lang.isEmpty())
                    xml.writeAttribute(QStringLiteral("lang"), p.lang);
                xml.writeCharacters(p.description);
                xml.writeEndElement();
            }
            if (!p.category.isEmpty())
                xml.writeTextElement(QStringLiteral("category"), p.category);
            xml.writeEndElement();
        }
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}
