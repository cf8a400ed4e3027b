// RetryPolicy: what is retried, how the delays grow (with bounded jitter), Retry-After, the retry cap.
#include "RetryPolicy.h"

#include <QTest>

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private:
    static HttpResponse status(long code, const QByteArray &retryAfter = QByteArray())
    {
        HttpResponse response;
        response.status = code;
        if (!retryAfter.isEmpty())
            response.headers.insert("retry-after", retryAfter);
        return response;
    }
    static HttpResponse failure(HttpResponse::Failure kind)
    {
        HttpResponse response;
        response.failure = kind;
        return response;
    }

private Q_SLOTS:
    void classification()
    {
        QVERIFY(RetryPolicy::isRetryable(status(503)));
        QVERIFY(RetryPolicy::isRetryable(status(504)));
        QVERIFY(RetryPolicy::isRetryable(status(500)));
        QVERIFY(RetryPolicy::isRetryable(status(502)));
        QVERIFY(RetryPolicy::isRetryable(failure(HttpResponse::Failure::Timeout)));
        QVERIFY(RetryPolicy::isRetryable(failure(HttpResponse::Failure::ConnectionFailed)));
        QVERIFY(!RetryPolicy::isRetryable(status(200)));
        QVERIFY(!RetryPolicy::isRetryable(status(404)));
        QVERIFY(!RetryPolicy::isRetryable(status(400)));
        QVERIFY(!RetryPolicy::isRetryable(status(429 - 1)));
        QVERIFY(!RetryPolicy::isRetryable(failure(HttpResponse::Failure::Cancelled)));
        QVERIFY(!RetryPolicy::isRetryable(failure(HttpResponse::Failure::Other)));
        QVERIFY(!RetryPolicy::isRetryable(failure(HttpResponse::Failure::TooLarge)));
    }

    void exponentialWithJitterAndAtMostThreeRetries()
    {
        RetryConfig config;
        config.baseDelayMs = 1000;
        config.jitterFraction = 0.5;
        QSet<int> distinct;
        for (quint32 seed = 1; seed <= 50; ++seed) {
            RetryPolicy policy(config, seed);
            for (int retriesDone = 0; retriesDone < 3; ++retriesDone) {
                const auto delay = policy.delayBeforeRetry(status(503), retriesDone);
                QVERIFY(delay.has_value());
                const double nominal = 1000.0 * (1 << retriesDone);
                QVERIFY2(*delay >= nominal * 0.5 && *delay <= nominal * 1.5,
                         qPrintable(QString::number(*delay)));
                distinct.insert(*delay);
            }
            QVERIFY(!policy.delayBeforeRetry(status(503), 3).has_value());
        }
        QVERIFY(distinct.size() > 20); // jitter actually varies
        RetryPolicy policy(config, 7);
        QVERIFY(!policy.delayBeforeRetry(status(404), 0).has_value());
        QVERIFY(!policy.delayBeforeRetry(status(400), 0).has_value());
    }

    void delayIsCapped()
    {
        RetryConfig config;
        config.maxRetries = 10;
        config.baseDelayMs = 1000;
        config.maxDelayMs = 4000;
        config.jitterFraction = 0.0;
        RetryPolicy policy(config, 1);
        QCOMPARE(*policy.delayBeforeRetry(status(503), 8), 4000);
    }

    void retryAfterIsALowerBound()
    {
        RetryConfig config;
        config.baseDelayMs = 100;
        config.jitterFraction = 0.0;
        config.maxRetryAfterMs = 60000;
        RetryPolicy policy(config, 1);
        QCOMPARE(*policy.delayBeforeRetry(status(503, "5"), 0), 5000);
        QCOMPARE(*policy.delayBeforeRetry(status(503, "0"), 0), 100);
        QCOMPARE(*policy.delayBeforeRetry(status(503, "3600"), 0), 60000); // clamped
        const QDateTime now = QDateTime(QDate(2025, 9, 8), QTime(18, 4, 19), Qt::UTC);
        QCOMPARE(*policy.delayBeforeRetry(status(503, "Mon, 08 Sep 2025 18:04:29 GMT"), 0, now), 10000);
        QCOMPARE(*policy.delayBeforeRetry(status(503, "not a date"), 0, now), 100);
    }

    void parsesRetryAfter()
    {
        const QDateTime now = QDateTime(QDate(2025, 9, 8), QTime(18, 4, 19), Qt::UTC);
        QCOMPARE(RetryPolicy::parseRetryAfterMs("120", now), std::optional<int>(120000));
        QCOMPARE(RetryPolicy::parseRetryAfterMs(" 2 ", now), std::optional<int>(2000));
        QCOMPARE(RetryPolicy::parseRetryAfterMs("-1", now), std::nullopt);
        QCOMPARE(RetryPolicy::parseRetryAfterMs("", now), std::nullopt);
        QCOMPARE(RetryPolicy::parseRetryAfterMs("Mon, 08 Sep 2025 18:04:00 GMT", now), std::optional<int>(0));
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retry_policy.moc"
