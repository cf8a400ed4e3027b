#pragma once
// When to try a failed request again, and after how long. Retried: HTTP 503, 504 and other 5xx, timeouts and
// connection failures. Not retried: every 4xx (404 PUGREST.NotFound, 400 BadRequest are answers),
// cancellation, TLS or URL errors. Delays grow exponentially with +-jitter; a Retry-After header (seconds or
// HTTP date) is a lower bound. At most maxRetries retries.
#include "HttpResponse.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <optional>

struct RetryConfig
{
    int maxRetries = 3;
    int baseDelayMs = 1000;
    int maxDelayMs = 30000;
    double jitterFraction = 0.5;  // delay * [1 - j, 1 + j]
    int maxRetryAfterMs = 120000; // a longer Retry-After is clamped to this
};

class RetryPolicy
{
public:
    using Config = RetryConfig;

    explicit RetryPolicy(Config config = Config(), quint32 seed = QRandomGenerator::global()->generate());

    static bool isRetryable(const HttpResponse &response);
    // Delay before retry number retriesDone + 1, or nothing when the response is final or retries are used
    // up.
    std::optional<int> delayBeforeRetry(const HttpResponse &response, int retriesDone,
                                        const QDateTime &nowUtc = QDateTime::currentDateTimeUtc());
    static std::optional<int> parseRetryAfterMs(const QByteArray &value, const QDateTime &nowUtc);
    const Config &config() const { return m_config; }

private:
    Config m_config;
    QRandomGenerator m_random;
};
