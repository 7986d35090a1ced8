#!/usr/bin/env bash
# Sourced by .ci/run: makes Debian's headless Chromium available to the inbox browser test
# (test/inbox/inbox.browser.test.ts) and exports its path as CHROMIUM_PATH. Nothing to start or
# stop: the test launches the browser itself with a fresh profile.
if [ -z "${CHROMIUM_PATH:-}" ] || [ ! -x "${CHROMIUM_PATH}" ]; then
  CHROMIUM_PATH="$(command -v chromium || true)"
  if [ -z "$CHROMIUM_PATH" ]; then
    echo "chromium.sh: installing chromium with apt-get" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
    CHROMIUM_PATH="$(command -v chromium)"
  fi
fi
export CHROMIUM_PATH
echo "chromium.sh: using $CHROMIUM_PATH ($("$CHROMIUM_PATH" --version 2>/dev/null || echo 'version unknown'))" >&2
