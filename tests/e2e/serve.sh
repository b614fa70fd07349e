#!/usr/bin/env bash
# Started by Playwright (webServer): a production build served by `npm start`'s launcher (scripts/start.mjs:
# the prepare step, then WEB_CONCURRENCY `next start` servers sharing the port) on a fresh database.
# E2E_SKIP_BUILD=1 reuses the existing .next build (handy while writing tests); its CSP hashes are
# computed again (scripts/csp-hashes.ts, harmless on a build that has them), so a bare `next build` works too.
set -euo pipefail
rm -rf .e2e && mkdir -p .e2e
# Keep the server's output for a failed run (Playwright shows only part of it).
exec > >(tee -a .e2e/server.log) 2>&1
# `npm run build`: next build, then the postbuild step that gives prerendered pages a hash-based CSP.
if [ "${E2E_SKIP_BUILD:-0}" != "1" ]; then npm run build > .e2e/build.log 2>&1 || { cat .e2e/build.log; exit 1; }
else node_modules/.bin/tsx scripts/csp-hashes.ts; fi
exec node scripts/start.mjs
