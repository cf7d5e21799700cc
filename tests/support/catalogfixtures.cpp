#include "catalogfixtures.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <zlib.h>

namespace Fixtures {

QByteArray gzip(const QByteArray &data)
{
    z_stream zs {};
    deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&zs, uLong(data.size()))) + 64, Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    return out;
}

QString contentId(int n)
{
    return QString::fromLatin1(
            QCryptographicHash::hash(QByteArray::number(n), QCryptographicHash::Sha1).toHex());
}

QByteArray xmltv(int channels, int perChannel, qint64 startUtc)
{
    QByteArray out
            = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tv SYSTEM \"xmltv.dtd\">\n"
              "<tv generator-info-name=\"test\">\n";
    for (int c = 0; c < channels; ++c) {
        out += QStringLiteral(
                       "<channel id=\"ch%1\"><display-name lang=\"en\">Channel %1</display-name>"
                       "<icon src=\"http://logo/%1.png\"/></channel>\n")
                       .arg(c)
                       .toUtf8();
    }
    auto stamp = [](qint64 secs) {
        return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC)
                       .toString(QStringLiteral("yyyyMMddHHmmss"))
                       .toLatin1()
               + " +0000";
    };
    for (int c = 0; c < channels; ++c) {
        for (int p = 0; p < perChannel; ++p) {
            const qint64 start = startUtc + qint64(p) * 3600;
            out += "<programme start=\"" + stamp(start) + "\" stop=\"" + stamp(start + 3600)
                   + "\" channel=\"ch" + QByteArray::number(c) + "\"><title lang=\"en\">Show "
                   + QByteArray::number(p) + " &amp; more</title><desc>About "
                   + QByteArray::number(p) + "</desc><category>News</category></programme>\n";
        }
    }
    out += "</tv>\n";
    return out;
}

} // namespace Fixtures
