#pragma once
// The anchor log of one run, kept outside the run file: after each commit that added audit rows the writer
// appends one line "<run id> <audit rows> <head hash hex> <UTC time> <HMAC hex>", the HMAC-SHA256 of the
// first four fields under the installation's AnchorKey. Someone who rewrites the whole audit chain of the run
// file (recomputing every hash) cannot make it match the anchored heads without the key.
//
// Appending happens on the recorder's writer thread; reading (verify) wherever the caller is. Blocking.
#include <QByteArray>
#include <QString>
#include <QVector>

struct RunAnchor
{
    QString runId;
    qint64 auditRows = 0; // the chain's length when anchored
    QByteArray headHash;  // the hash of audit row auditRows
    qint64 utcMs = 0;     // when it was anchored
};

class RunAnchorLog
{
public:
    RunAnchorLog(QString path, QByteArray key);

    // Appends one sealed line and syncs it to disk; returns an error text naming the file, empty on success.
    QString append(const RunAnchor &anchor);

    struct Contents
    {
        bool exists = false;
        QVector<RunAnchor> anchors; // in file order, each with a valid seal
        QString problem;            // the first bad line (file and line number); empty when none
        QString warning;            // a last line cut off by a crash (no newline), which is ignored
    };
    static Contents read(const QString &path, const QByteArray &key);

private:
    QString trimTornTail();

    QString m_path;
    QByteArray m_key;
    bool m_tailChecked = false;
};
