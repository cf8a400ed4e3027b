#pragma once
// The Compounds dock: PubChem look-ups and the feed/medium calculator. Owns the window's one compound cache
// and PubChem client (the rate limiter is program-wide whoever owns the client).
#include <QDockWidget>

#include <memory>

class CompoundCache;
class CompoundPanel;
class PubChemClient;

class CompoundDock : public QDockWidget
{
    Q_OBJECT
public:
    // baseUrl: from --base-url; empty means the environment, the settings, then the public service.
    explicit CompoundDock(const QString &baseUrl, QWidget *parent = nullptr);
    ~CompoundDock() override;

    CompoundPanel *panel() const { return m_panel; }

private:
    std::unique_ptr<CompoundCache> m_cache; // not a QObject; a local SQLite file without fsync (a cache)
    PubChemClient *m_client;
    CompoundPanel *m_panel;
};
