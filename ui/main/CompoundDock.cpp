#include "CompoundDock.h"

#include "CompoundCache.h"
#include "CompoundPanel.h"
#include "PubChemClient.h"
#include "PubChemEndpoint.h"

namespace {
PubChemClient::Config clientConfig(const QString &baseUrl)
{
    PubChemClient::Config config;
    config.baseUrl = PubChemEndpoint::resolveBaseUrl(baseUrl);
    return config;
}
} // namespace

CompoundDock::CompoundDock(const QString &baseUrl, QWidget *parent)
    : QDockWidget(tr("Compounds"), parent),
      m_cache(std::make_unique<CompoundCache>(CompoundCache::defaultFilePath())),
      m_client(new PubChemClient(clientConfig(baseUrl), m_cache.get(), nullptr, this)),
      m_panel(new CompoundPanel(m_client, this))
{
    setObjectName(QStringLiteral("compoundDock"));
    setWidget(m_panel);
}

// The client (a child) goes first with the dock's children; the cache it uses must outlive it.
CompoundDock::~CompoundDock()
{
    delete m_panel;
    delete m_client;
}
