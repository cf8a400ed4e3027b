#include "RetryPolicy.h"

#include <QLocale>

#include <algorithm>
#include <climits>
#include <cmath>

RetryPolicy::RetryPolicy(Config config, quint32 seed) : m_config(config), m_random(seed)
{
}

bool RetryPolicy::isRetryable(const HttpResponse &response)
{
    switch (response.failure) {
    case HttpResponse::Failure::Timeout:
    case HttpResponse::Failure::ConnectionFailed:
        return true;
    case HttpResponse::Failure::None:
        return response.status >= 500 && response.status <= 599;
    case HttpResponse::Failure::Cancelled:
    case HttpResponse::Failure::TooLarge:
    case HttpResponse::Failure::Other:
        break;
    }
    return false;
}

std::optional<int> RetryPolicy::delayBeforeRetry(const HttpResponse &response, int retriesDone,
                                                 const QDateTime &nowUtc)
{
    if (!isRetryable(response) || retriesDone >= m_config.maxRetries)
        return std::nullopt;
    const double exponential =
        std::min<double>(m_config.maxDelayMs, m_config.baseDelayMs * std::pow(2.0, retriesDone));
    const double jitter = 1.0 + m_config.jitterFraction * (2.0 * m_random.generateDouble() - 1.0);
    int delayMs = int(std::lround(exponential * jitter));
    if (const auto retryAfter = parseRetryAfterMs(response.header("retry-after"), nowUtc))
        delayMs = std::max(delayMs, std::min(*retryAfter, m_config.maxRetryAfterMs));
    return std::max(0, delayMs);
}

std::optional<int> RetryPolicy::parseRetryAfterMs(const QByteArray &value, const QDateTime &nowUtc)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt
                           : std::optional<int>(int(std::min<qint64>(seconds * 1000, INT_MAX)));
    // HTTP date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT"
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(trimmed),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    when.setTimeSpec(Qt::UTC);
    return int(std::clamp<qint64>(nowUtc.msecsTo(when), 0, INT_MAX));
}
