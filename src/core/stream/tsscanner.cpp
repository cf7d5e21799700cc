#include "tsscanner.h"

namespace {
constexpr char kSync = 0x47;
}

void TsScanner::reset()
{
    *this = TsScanner();
}

QByteArray TsScanner::psi() const
{
    if (m_pat.isEmpty() || m_pmt.isEmpty() || m_videoPid < 0)
        return {};
    return m_pat + m_pmt;
}

TsScanner::Result TsScanner::feed(const QByteArray &chunk)
{
    Result r;
    const qsizetype n = chunk.size();
    const char *d = chunk.constData();
    qsizetype pos = 0;
    if (!m_carry.isEmpty()) {
        const qsizetype need = kPacket - m_carry.size();
        if (n < need) {
            m_carry.append(d, n);
            return r;
        }
        m_carry.append(d, need);
        if (m_carry.at(0) == kSync) {
            if (packet(reinterpret_cast<const uchar *>(m_carry.constData())))
                r.keyframe = -(kPacket - need);
        } else {
            m_synced = false;
        }
        m_carry.clear();
        pos = need;
    }
    if (m_fresh && n > 0 && d[0] == kSync)
        m_synced = true;
    m_fresh = false;
    while (pos < n) {
        if (!m_synced || d[pos] != kSync) {
            // Find (again) a sync byte confirmed by the next packet's.
            m_synced = false;
            for (qsizetype i = pos; i + kPacket < n; ++i) {
                if (d[i] == kSync && d[i + kPacket] == kSync) {
                    m_synced = true;
                    pos = i;
                    break;
                }
            }
            if (!m_synced)
                return r; // a short or garbled chunk: look again in the next one
        }
        if (r.firstPacket < 0)
            r.firstPacket = pos;
        if (pos + kPacket > n) {
            m_carry = QByteArray(d + pos, n - pos);
            break;
        }
        if (packet(reinterpret_cast<const uchar *>(d + pos)))
            r.keyframe = pos;
        pos += kPacket;
    }
    return r;
}

bool TsScanner::packet(const uchar *p)
{
    const int pid = ((p[1] & 0x1f) << 8) | p[2];
    const bool unitStart = p[1] & 0x40;
    const int control = (p[3] >> 4) & 3;
    int payload = 4;
    bool randomAccess = false;
    if (control & 2) {
        const int length = p[4];
        if (length > 0)
            randomAccess = p[5] & 0x40;
        payload = 5 + length;
    }
    if (!(control & 1) || payload >= kPacket)
        return false; // no payload
    if (pid == 0) {
        if (unitStart)
            parsePat(p, payload);
        return false;
    }
    if (pid == m_pmtPid) {
        if (unitStart)
            parsePmt(p, payload);
        return false;
    }
    if (pid != m_videoPid || !unitStart || m_pat.isEmpty() || m_pmt.isEmpty())
        return false;
    return randomAccess || startsKeyframe(p + payload, int(kPacket) - payload);
}

void TsScanner::parsePat(const uchar *p, int payload)
{
    const int s = payload + 1 + p[payload]; // after the pointer field
    if (s + 12 > kPacket || p[s] != 0x00)
        return;
    const int sectionLength = ((p[s + 1] & 0x0f) << 8) | p[s + 2];
    const int end = qMin<int>(s + 3 + sectionLength - 4, kPacket);
    for (int i = s + 8; i + 4 <= end; i += 4) {
        const int program = (p[i] << 8) | p[i + 1];
        if (program == 0)
            continue; // the network PID
        const int pmtPid = ((p[i + 2] & 0x1f) << 8) | p[i + 3];
        if (pmtPid != m_pmtPid) {
            m_pmtPid = pmtPid;
            m_videoPid = -1;
            m_pmt.clear();
        }
        m_pat = QByteArray(reinterpret_cast<const char *>(p), kPacket);
        return;
    }
}

void TsScanner::parsePmt(const uchar *p, int payload)
{
    const int s = payload + 1 + p[payload];
    if (s + 12 > kPacket || p[s] != 0x02)
        return;
    const int sectionLength = ((p[s + 1] & 0x0f) << 8) | p[s + 2];
    const int end = qMin<int>(s + 3 + sectionLength - 4, kPacket);
    const int programInfo = ((p[s + 10] & 0x0f) << 8) | p[s + 11];
    for (int i = s + 12 + programInfo; i + 5 <= end;) {
        const int type = p[i];
        const int pid = ((p[i + 1] & 0x1f) << 8) | p[i + 2];
        const int infoLength = ((p[i + 3] & 0x0f) << 8) | p[i + 4];
        Codec codec = Codec::None;
        if (type == 0x1b)
            codec = Codec::H264;
        else if (type == 0x24)
            codec = Codec::Hevc;
        else if (type == 0x01 || type == 0x02)
            codec = Codec::Mpeg2;
        if (codec != Codec::None) {
            m_videoPid = pid;
            m_codec = codec;
            m_pmt = QByteArray(reinterpret_cast<const char *>(p), kPacket);
            return;
        }
        i += 5 + infoLength;
    }
}

bool TsScanner::startsKeyframe(const uchar *pes, int size) const
{
    if (size < 9 || pes[0] != 0 || pes[1] != 0 || pes[2] != 1)
        return false;
    // Only the NAL units in this first packet of the PES are looked at: an IDR access unit
    // carries its SPS (or VPS) there, before any slice.
    for (int i = 9 + pes[8]; i + 3 < size; ++i) {
        if (pes[i] != 0 || pes[i + 1] != 0 || pes[i + 2] != 1)
            continue;
        const uchar nal = pes[i + 3];
        switch (m_codec) {
        case Codec::H264: {
            const int type = nal & 0x1f;
            if (type == 5 || type == 7)
                return true; // IDR slice, sequence parameter set
            if (type == 1)
                return false; // a non-IDR slice came first
            break;
        }
        case Codec::Hevc: {
            const int type = (nal >> 1) & 0x3f;
            if ((type >= 16 && type <= 21) || type == 32 || type == 33)
                return true; // IRAP picture, VPS, SPS
            if (type <= 9)
                return false;
            break;
        }
        case Codec::Mpeg2:
            if (nal == 0xb3)
                return true; // sequence header
            if (nal == 0x00)
                return false; // a picture without one
            break;
        case Codec::None:
            return false;
        }
        i += 2;
    }
    return false;
}
