#pragma once

#include "apiclient.h"

#include <utility>

// Numbers a page's requests for one list so that an answer older than the one on screen is
// dropped. The client has several connections and the server builds lists on its workers side
// by side: an older answer, read before an edit that a newer one already saw, can arrive last.
// Any answer not older than the one shown is shown, so a page that asks often (on every player
// that joins) keeps updating. Failed answers always pass (the callbacks ignore them).
class AnswerOrder
{
public:
    // The callback for the next request: `done`, unless a later request's answer is shown.
    ApiClient::Callback next(ApiClient::Callback done)
    {
        return [this, number = ++m_sent, done = std::move(done)](const ApiResult &r) {
            if (r.ok()) {
                if (number < m_shown)
                    return;
                m_shown = number;
            }
            done(r);
        };
    }

private:
    int m_sent = 0;
    int m_shown = 0;
};
