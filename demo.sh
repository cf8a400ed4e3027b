#!/usr/bin/env bash
# Installs what is missing (Debian 12), builds, and starts ReactorDesk on the simulated demo reactor.
# Extra arguments go to reactordesk (try --help).
set -euo pipefail
cd "$(dirname "$0")"
bash installer/install-deps.sh
bash installer/build.sh
exec build/bin/reactordesk --demo "$@"
