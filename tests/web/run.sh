#!/usr/bin/env bash
# The web dashboard's browser tests (ctest: web_dashboard). Installs the two npm packages of
# package-lock.json once (npm ci; again when the lock file changes), then runs the scenarios
# with Node's test runner. Needs node, npm and /usr/bin/chromium: installer/setup.sh installs
# them from Debian's packages.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for tool in node npm; do
    command -v "$tool" >/dev/null || { echo "web tests: $tool is missing (installer/setup.sh deps installs it)" >&2; exit 1; }
done
[ -x "${ACEHUB_CHROMIUM:-/usr/bin/chromium}" ] || { echo "web tests: ${ACEHUB_CHROMIUM:-/usr/bin/chromium} is missing (installer/setup.sh deps installs it)" >&2; exit 1; }
if ! cmp -s package-lock.json node_modules/.acehub-lock 2>/dev/null; then
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.acehub-lock
fi
exec node --test --test-concurrency=1 --test-reporter=spec dashboard.test.mjs
