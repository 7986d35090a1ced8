#!/usr/bin/env bash
# Bun and Deno for test/runtimes (the conformance suite on both), installed from the npm
# registry as the `bun` and `deno` packages, which carry each runtime's binary for this platform.
# Sourced by .ci/run before the test command; exports MAILBRIDGE_BUN and MAILBRIDGE_DENO.
# Nothing is started, so there is nothing to stop.
mailbridge_runtimes_dir="${MAILBRIDGE_RUNTIMES_DIR:-${HOME:-/tmp}/.cache/mailbridge-runtimes}"
if [ ! -x "$mailbridge_runtimes_dir/node_modules/.bin/bun" ] ||
  [ ! -x "$mailbridge_runtimes_dir/node_modules/.bin/deno" ]; then
  mkdir -p "$mailbridge_runtimes_dir"
  npm install --prefix "$mailbridge_runtimes_dir" --no-save --no-audit --no-fund --loglevel=error \
    bun@1 deno@2 </dev/null
fi
export MAILBRIDGE_BUN="$mailbridge_runtimes_dir/node_modules/.bin/bun"
export MAILBRIDGE_DENO="$mailbridge_runtimes_dir/node_modules/.bin/deno"
echo "runtimes: bun $("$MAILBRIDGE_BUN" --version), $("$MAILBRIDGE_DENO" --version | head -n 1)"
unset mailbridge_runtimes_dir
