// CurlMultiLoop against the loopback server: many transfers at once, gzip + chunked decoding, connection
// reuse, the known traps (a transfer deleted from its own finished slot, cancellation, teardown with
// transfers running) and transport failures (refused, reset, timeout).
#include "CurlMultiLoop.h"
#include "FakePubChemServer.h"
#include "HttpTransfer.h"
#include "PubChemEndpoint.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTest>

class TestCurlMultiLoop : public QObject
{
    Q_OBJECT

private:
    HttpRequest nameRequest(const FakePubChemServer &server, const QString &name) const
    {
        HttpRequest request;
        request.url = PubChemEndpoint(server.baseUrl()).namePropertiesUrl(QStringLiteral("MolecularWeight"));
        request.postBody = PubChemEndpoint::nameBody(name);
        request.timeoutMs = 5000;
        return request;
    }

private Q_SLOTS:
    void manyConcurrentTransfersDecodeGzipChunkedBodies()
    {
        FakePubChemServer server(QStringLiteral(RD_PUBCHEM_FIXTURES));
        QVERIFY(server.listen());
        server.setLatencyMs(30);
        server.setChunked(true, 7);
        CurlMultiLoop loop;
        QList<HttpTransfer *> transfers;
        int finished = 0;
        for (int i = 0; i < 20; ++i) {
            HttpTransfer *transfer =
                loop.start(nameRequest(server, QStringLiteral("compound-%1").arg(i)), this);
            connect(transfer, &HttpTransfer::finished, this, [&finished] { ++finished; });
            transfers.append(transfer);
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, 20, 10000);
        for (int i = 0; i < 20; ++i) {
            const HttpResponse &response = transfers.at(i)->response();
            QVERIFY2(response.transportOk(), qPrintable(response.errorText));
            QCOMPARE(response.status, 200L);
            QCOMPARE(response.header("content-encoding"), QByteArray("gzip"));
            const QJsonObject table =
                QJsonDocument::fromJson(response.body).object()["PropertyTable"].toObject();
            const QJsonObject first = table["Properties"].toArray().at(0).toObject();
            QCOMPARE(first["CID"].toInteger(), 900000 + i);
        }
        QCOMPARE(loop.runningTransfers(), 0);
        qDeleteAll(transfers);
    }

    void sequentialTransfersReuseOneConnection()
    {
        FakePubChemServer server(QStringLiteral(RD_PUBCHEM_FIXTURES));
        QVERIFY(server.listen());
        CurlMultiLoop loop;
        for (int i = 0; i < 5; ++i) {
            HttpTransfer *transfer = loop.start(nameRequest(server, QStringLiteral("ethanol")), this);
            QSignalSpy spy(transfer, &HttpTransfer::finished);
            QVERIFY(spy.wait(5000));
            QCOMPARE(transfer->response().status, 200L);
            delete transfer;
        }
        QCOMPARE(server.requestCount(), 5);
        QCOMPARE(server.connectionsAccepted(), 1);
    }

    void transferDeletedFromItsOwnFinishedSlot()
    {
        FakePubChemServer server(QStringLiteral(RD_PUBCHEM_FIXTURES));
        QVERIFY(server.listen());
        CurlMultiLoop loop;
        int deleted = 0;
        for (int i = 0; i < 8; ++i) {
            HttpTransfer *transfer = loop.start(nameRequest(server, QStringLiteral("water")));
            connect(transfer, &HttpTransfer::finished, this, [&deleted](HttpTransfer *self) {
                delete self; // the trap: the loop must not touch it afterwards
                ++deleted;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(deleted, 8, 10000);
        QCOMPARE(loop.runningTransfers(), 0);
        // The loop still works afterwards.
        HttpTransfer *after = loop.start(nameRequest(server, QStringLiteral("water")), this);
        QSignalSpy spy(after, &HttpTransfer::finished);
        QVERIFY(spy.wait(5000));
        QCOMPARE(after->response().status, 200L);
    }

    void cancelStopsATransferAndLeavesTheLoopUsable()
    {
        FakePubChemServer server(QStringLiteral(RD_PUBCHEM_FIXTURES));
        QVERIFY(server.listen());
        server.setLatencyMs(2000);
        CurlMultiLoop loop;
        HttpTransfer *slow = loop.start(nameRequest(server, QStringLiteral("ethanol")), this);
        QSignalSpy slowSpy(slow, &HttpTransfer::finished);
        QTRY_COMPARE_WITH_TIMEOUT(server.requestCount(), 1, 5000);
        slow->cancel();
        QCOMPARE(slowSpy.count(), 1);
        QCOMPARE(slow->response().failure, HttpResponse::Failure::Cancelled);
        QVERIFY(!slow->isRunning());
        slow->cancel(); // a second cancel is harmless
        QCOMPARE(slowSpy.count(), 1);
        server.setLatencyMs(0);
        HttpTransfer *next = loop.start(nameRequest(server, QStringLiteral("ethanol")), this);
        QSignalSpy nextSpy(next, &HttpTransfer::finished);
        QVERIFY(nextSpy.wait(5000));
        QCOMPARE(next->response().status, 200L);
        QCOMPARE(slowSpy.count(), 1);
    }

    void teardownWithTransfersRunning()
    {
        FakePubChemServer server(QStringLiteral(RD_PUBCHEM_FIXTURES));
        QVERIFY(server.listen());
        server.setLatencyMs(5000);
        auto *loop = new CurlMultiLoop;
        QList<HttpTransfer *> transfers;
        for (int i = 0; i < 4; ++i)
            transfers.append(loop->start(nameRequest(server, QStringLiteral("methanol")), this));
        QTRY_COMPARE_WITH_TIMEOUT(server.requestCount(), 4, 5000);
        QVERIFY(loop->watchedSockets() > 0);
        delete loop; // curl_multi_cleanup calls the socket callback again
        for (HttpTransfer *transfer : transfers)
            QVERIFY(!transfer->isRunning());
        QTest::qWait(50); // let deleteLater'd notifiers go
        qDeleteAll(transfers);
    }

    void refusedConnectionIsAConnectionFailure()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        CurlMultiLoop loop;
        HttpRequest request;
        request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/rest/pug").arg(port));
        HttpTransfer *transfer = loop.start(request, this);
        QSignalSpy spy(transfer, &HttpTransfer::finished);
        QVERIFY(spy.wait(5000));
        QCOMPARE(transfer->response().failure, HttpResponse::Failure::ConnectionFailed);
        QVERIFY(!transfer->response().errorText.isEmpty());
    }

    void resetAndStallAreReportedAsTransportFailures()
    {
        FakePubChemServer server(QStringLiteral(RD_PUBCHEM_FIXTURES));
        QVERIFY(server.listen());
        server.script(QStringLiteral("reset"), {FakePubChemServer::Behaviour::ResetConnection});
        server.script(QStringLiteral("stall"), {FakePubChemServer::Behaviour::StallBody});
        server.script(QStringLiteral("cut"), {FakePubChemServer::Behaviour::TruncatedBody});
        CurlMultiLoop loop;
        HttpRequest stallRequest = nameRequest(server, QStringLiteral("stall"));
        stallRequest.timeoutMs = 300;
        HttpTransfer *reset = loop.start(nameRequest(server, QStringLiteral("reset")), this);
        HttpTransfer *stall = loop.start(stallRequest, this);
        HttpTransfer *cut = loop.start(nameRequest(server, QStringLiteral("cut")), this);
        QSignalSpy resetSpy(reset, &HttpTransfer::finished);
        QSignalSpy stallSpy(stall, &HttpTransfer::finished);
        QSignalSpy cutSpy(cut, &HttpTransfer::finished);
        QTRY_VERIFY_WITH_TIMEOUT(resetSpy.count() == 1 && stallSpy.count() == 1 && cutSpy.count() == 1, 5000);
        QCOMPARE(reset->response().failure, HttpResponse::Failure::ConnectionFailed);
        QCOMPARE(stall->response().failure, HttpResponse::Failure::Timeout);
        QCOMPARE(cut->response().failure, HttpResponse::Failure::ConnectionFailed);
    }

    void tlsPeersAreVerified()
    {
        // A real TLS server with a self-signed certificate (test fixture): curl must refuse it.
        const auto read = [](const char *name) {
            QFile file(QStringLiteral(RD_PUBCHEM_FIXTURES "/") + QLatin1String(name));
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(read("test_tls_selfsigned_cert.pem")));
        tls.setPrivateKey(QSslKey(read("test_tls_key.pem"), QSsl::Ec));
        QSslServer server;
        server.setSslConfiguration(tls);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        int handshakesStarted = 0;
        connect(&server, &QSslServer::startedEncryptionHandshake, this,
                [&handshakesStarted] { ++handshakesStarted; });
        CurlMultiLoop loop;
        HttpRequest request;
        request.url = QUrl(QStringLiteral("https://127.0.0.1:%1/rest/pug").arg(server.serverPort()));
        HttpTransfer *transfer = loop.start(request, this);
        QSignalSpy spy(transfer, &HttpTransfer::finished);
        QVERIFY(spy.wait(5000));
        QCOMPARE(handshakesStarted, 1);
        QCOMPARE(transfer->response().failure, HttpResponse::Failure::Other); // not retried
        QVERIFY2(transfer->response().errorText.contains(QStringLiteral("certificate"), Qt::CaseInsensitive),
                 qPrintable(transfer->response().errorText));
    }

    void invalidUrlFailsWithoutStarting()
    {
        CurlMultiLoop loop;
        HttpRequest request;
        request.url = QUrl(QStringLiteral("ftp://127.0.0.1/x"));
        HttpTransfer *transfer = loop.start(request, this);
        QSignalSpy spy(transfer, &HttpTransfer::finished);
        QCOMPARE(spy.count(), 0); // never from inside start()
        QVERIFY(spy.wait(1000));
        QCOMPARE(transfer->response().failure, HttpResponse::Failure::Other);
        QVERIFY(transfer->response().errorText.contains(QStringLiteral("ftp://")));
    }
};

QTEST_GUILESS_MAIN(TestCurlMultiLoop)
#include "tst_curl_multi_loop.moc"
