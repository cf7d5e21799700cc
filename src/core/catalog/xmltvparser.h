#pragma once

#include <QIODevice>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

struct XmltvChannel
{
    QString id;
    QString displayName; // the first <display-name>
    QStringList otherNames; // the further ones ("Rai 1", "Rai Uno"), for matching
    QString icon;
};

struct XmltvProgramme
{
    QString channel;
    qint64 start = 0; // UTC seconds
    qint64 stop = 0;
    QString title;
    QString description;
    QString category;
    QString lang;
};

// Reads XMLTV as a stream with QXmlStreamReader: one channel or programme at a time is handed
// to the callbacks, so a 100 MB guide never becomes a 100 MB tree in memory.
class XmltvParser final
{
public:
    struct Callbacks
    {
        std::function<void(const XmltvChannel &)> channel;
        std::function<void(const XmltvProgramme &)> programme;
        // Called now and then; returning false stops the parse (cancelled).
        std::function<bool()> progress;
    };
    struct Result
    {
        std::optional<QString> error; // malformed XML, not XMLTV, cancelled
        int channels = 0;
        int programmes = 0;
        int skipped = 0; // programmes without a channel, start or title
    };

    static Result parse(QIODevice *device, const Callbacks &callbacks);

    // "20261121170000 +0000" (seconds, the offset and trailing parts optional) -> UTC seconds.
    static std::optional<qint64> parseTime(const QString &text);
};
