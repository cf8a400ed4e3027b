#include "ReadOnlyRunFile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

ReadOnlyRunFile::ReadOnlyRunFile(const QString &path)
    : m_name(QStringLiteral("run-reader-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!QFileInfo(path).isFile()) {
        m_error = QCoreApplication::translate("ReadOnlyRunFile", "run file %1 does not exist").arg(path);
    } else if (!db.open()) {
        m_error = QCoreApplication::translate("ReadOnlyRunFile", "cannot open run file %1: %2")
                      .arg(path, db.lastError().text());
    } else {
        QSqlQuery schema(db);
        if (!schema.exec(QStringLiteral("SELECT COUNT(*) FROM channels")) || !schema.next())
            m_error = QCoreApplication::translate("ReadOnlyRunFile", "%1 is not a ReactorDesk run file: %2")
                          .arg(path, schema.lastError().text());
    }
}

ReadOnlyRunFile::~ReadOnlyRunFile()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}
