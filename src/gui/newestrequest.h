#pragma once

// Numbers a page's list requests so that only the newest one's answer is shown. The client has
// several connections and the server builds lists on its workers side by side: an older answer,
// read before an edit that a newer request already sees, can arrive last.
class NewestRequest
{
public:
    int next() { return ++m_number; }
    bool isNewest(int number) const { return number == m_number; }

private:
    int m_number = 0;
};
