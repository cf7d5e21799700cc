#pragma once

// Numbers a page's requests for one list so that an answer older than the one on screen is
// dropped. The client has several connections and the server builds lists on its workers side
// by side: an older answer, read before an edit that a newer one already saw, can arrive last.
// Any answer not older than the one shown is shown, so a page that asks often (on every player
// that joins) keeps updating.
class AnswerOrder
{
public:
    int next() { return ++m_sent; }
    // Whether the answer to request `number` is to be shown; it then is the one shown.
    bool show(int number)
    {
        if (number < m_shown)
            return false;
        m_shown = number;
        return true;
    }

private:
    int m_sent = 0;
    int m_shown = 0;
};
