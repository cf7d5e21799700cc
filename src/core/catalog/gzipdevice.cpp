#include "gzipdevice.h"

GzipDevice::GzipDevice(QIODevice *source, QObject *parent) : QIODevice(parent), m_source(source) { }

GzipDevice::~GzipDevice()
{
    close();
}

bool GzipDevice::isGzip(const QByteArray &head)
{
    return head.size() >= 2 && uchar(head.at(0)) == 0x1f && uchar(head.at(1)) == 0x8b;
}

bool GzipDevice::open(OpenMode mode)
{
    if ((mode & WriteOnly) || !m_source)
        return false;
    m_zs = z_stream {};
    // 16 + MAX_WBITS: a gzip header and trailer around the deflate data.
    if (inflateInit2(&m_zs, 16 + MAX_WBITS) != Z_OK) {
        m_error = QStringLiteral("cannot initialise zlib");
        return false;
    }
    m_initialised = true;
    m_finished = false;
    m_error.clear();
    return QIODevice::open(mode);
}

void GzipDevice::close()
{
    if (m_initialised) {
        inflateEnd(&m_zs);
        m_initialised = false;
    }
    QIODevice::close();
}

bool GzipDevice::atEnd() const
{
    return m_finished && QIODevice::atEnd();
}

qint64 GzipDevice::readData(char *data, qint64 maxSize)
{
    if (m_finished || !m_initialised)
        return m_error.isEmpty() ? 0 : -1;
    m_zs.next_out = reinterpret_cast<Bytef *>(data);
    m_zs.avail_out = uInt(qMin<qint64>(maxSize, 1 << 30));
    while (m_zs.avail_out > 0) {
        if (m_zs.avail_in == 0) {
            m_in = m_source->read(64 * 1024);
            if (m_in.isEmpty()) {
                if (m_source->atEnd() || !m_source->isOpen()) {
                    // The source ended before the gzip trailer: a truncated file.
                    m_error = QStringLiteral("truncated gzip data");
                    m_finished = true;
                    setErrorString(m_error);
                    const qint64 produced = qint64(maxSize) - m_zs.avail_out;
                    return produced > 0 ? produced : -1;
                }
                break; // nothing available now
            }
            m_zs.next_in = reinterpret_cast<Bytef *>(m_in.data());
            m_zs.avail_in = uInt(m_in.size());
        }
        const int rc = inflate(&m_zs, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) {
            // Concatenated members are valid gzip: go on if more input follows.
            if (m_zs.avail_in == 0 && m_source->atEnd()) {
                m_finished = true;
                break;
            }
            inflateReset(&m_zs);
            continue;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            m_error = QStringLiteral("corrupt gzip data: %1")
                              .arg(QString::fromLatin1(m_zs.msg ? m_zs.msg : "inflate failed"));
            setErrorString(m_error);
            m_finished = true;
            return -1;
        }
    }
    return qint64(maxSize) - m_zs.avail_out;
}

bool GzipDevice::gunzip(const QByteArray &in, qint64 maxBytes, QByteArray *out, QString *error)
{
    z_stream zs {};
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
        *error = QStringLiteral("cannot initialise zlib");
        return false;
    }
    out->clear();
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    zs.avail_in = uInt(in.size());
    char buffer[64 * 1024];
    int rc = Z_OK;
    while (true) {
        zs.next_out = reinterpret_cast<Bytef *>(buffer);
        zs.avail_out = sizeof(buffer);
        rc = inflate(&zs, Z_NO_FLUSH);
        out->append(buffer, qsizetype(sizeof(buffer) - zs.avail_out));
        if (out->size() > maxBytes) {
            inflateEnd(&zs);
            *error = QStringLiteral("larger than %1 bytes once decompressed").arg(maxBytes);
            return false;
        }
        if (rc == Z_STREAM_END) {
            if (zs.avail_in == 0)
                break;
            inflateReset(&zs);
            continue;
        }
        if (rc != Z_OK) {
            *error = rc == Z_BUF_ERROR ? QStringLiteral("truncated gzip data")
                                       : QStringLiteral("corrupt gzip data: %1")
                                                 .arg(QString::fromLatin1(
                                                         zs.msg ? zs.msg : "inflate failed"));
            inflateEnd(&zs);
            return false;
        }
    }
    inflateEnd(&zs);
    return true;
}
