#pragma once

#include <QtGlobal>
#include <array>

// A rate in bytes per second over the last few samples of a running total (one sample a
// second gives the rate over the last ~5 s), so a face shows a steady figure.
class RateMeter final
{
public:
    void sample(qint64 nowMs, qint64 total)
    {
        m_samples[m_next] = {nowMs, total};
        m_next = (m_next + 1) % kSamples;
        if (m_count < kSamples)
            ++m_count;
    }

    double rate() const
    {
        if (m_count < 2)
            return 0;
        const Sample &oldest = m_samples[(m_next - m_count + kSamples) % kSamples];
        const Sample &newest = m_samples[(m_next - 1 + kSamples) % kSamples];
        const qint64 ms = newest.ms - oldest.ms;
        return ms > 0 ? double(newest.total - oldest.total) * 1000.0 / double(ms) : 0;
    }

private:
    static constexpr int kSamples = 6;
    struct Sample
    {
        qint64 ms = 0;
        qint64 total = 0;
    };
    std::array<Sample, kSamples> m_samples {};
    int m_next = 0;
    int m_count = 0;
};
