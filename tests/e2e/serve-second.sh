#!/usr/bin/env bash
# A second `npm start` (scripts/start.mjs, clustered like the first) on the build tests/e2e/serve.sh made
# (Playwright starts web servers one after the other, so the build is done), with its own fresh database
# and whatever settings the config passes.
set -euo pipefail
exec > >(tee -a ".e2e/server-$PORT.log") 2>&1
exec node scripts/start.mjs
