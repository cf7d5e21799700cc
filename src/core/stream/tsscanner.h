#pragma once

#include <QByteArray>
#include <limits>

// Follows an MPEG-TS byte stream chunk by chunk, without copying it: where its 188-byte packets
// start, the last PAT and PMT, and the packets that begin a random-access point of its video
// (the PES of an H.264 IDR / HEVC IRAP picture or an MPEG-2 sequence header, or a video packet
// flagged random_access_indicator). The broadcast uses it to align joins and to keep the bytes
// since the last keyframe.
class TsScanner final
{
public:
    static constexpr qsizetype kPacket = 188;
    static constexpr qsizetype kNone = std::numeric_limits<qsizetype>::min();

    struct Result
    {
        // Offset in the chunk of its first packet start (a packet may end in a later chunk);
        // -1 when none is known.
        qsizetype firstPacket = -1;
        // Offset of the packet that starts the last random-access point found in this chunk,
        // with the PAT and PMT known; negative (down to -187) when that packet began in the
        // previous chunk; kNone when there is none.
        qsizetype keyframe = kNone;
    };

    Result feed(const QByteArray &chunk);
    // A new upstream: packet phase, partial packet and tables are forgotten.
    void reset();
    // Bytes of a packet begun but not finished by the chunks fed so far.
    qsizetype partialBytes() const { return m_carry.size(); }
    // The last PAT and PMT packets (376 bytes), empty until both are known.
    QByteArray psi() const;
    bool hasVideo() const { return m_videoPid >= 0; }

private:
    // Returns true when the packet starts a random-access point.
    bool packet(const uchar *p);
    void parsePat(const uchar *p, int payload);
    void parsePmt(const uchar *p, int payload);
    bool startsKeyframe(const uchar *pes, int size) const;

    enum class Codec { None, Mpeg2, H264, Hevc };
    QByteArray m_carry; // the start of a packet that the next chunk finishes
    bool m_synced = false;
    bool m_fresh = true; // nothing fed since reset(): a source starts on a packet boundary
    int m_pmtPid = -1;
    int m_videoPid = -1;
    Codec m_codec = Codec::None;
    QByteArray m_pat;
    QByteArray m_pmt;
};
