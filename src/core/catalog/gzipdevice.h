#pragma once

#include <QIODevice>
#include <QPointer>
#include <zlib.h>

// A read-only QIODevice that inflates a gzip stream read from another device as it is read,
// so a compressed guide never has to be held in memory. Qt has no streaming gunzip of its own.
class GzipDevice final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GzipDevice)

public:
    // source: an open device; not owned.
    explicit GzipDevice(QIODevice *source, QObject *parent = nullptr);
    ~GzipDevice() override;

    bool open(OpenMode mode) override;
    void close() override;
    bool isSequential() const override { return true; }
    bool atEnd() const override;
    QString error() const { return m_error; }

    // True when data starts with the gzip magic bytes.
    static bool isGzip(const QByteArray &head);
    // Inflates a whole buffer; returns false (error set) on corrupt data or past maxBytes.
    static bool gunzip(const QByteArray &in, qint64 maxBytes, QByteArray *out, QString *error);

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QPointer<QIODevice> m_source;
    z_stream m_zs {};
    QByteArray m_in;
    bool m_initialised = false;
    bool m_finished = false;
    QString m_error;
};
