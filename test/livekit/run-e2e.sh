#!/bin/sh
# `npm run test:e2e`: the LiveKit tier.
#
# With LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET set, the tests run against that real
# server. Otherwise they run against the LiveKit test double inside a private network namespace:
# rtc-node's WebRTC ignores loopback, so server and clients talk over a veth pair
# (10.77.0.1 <-> 10.77.0.2) that exists only inside the namespace; nothing leaves it.
# Needs root (or CAP_SYS_ADMIN + CAP_NET_ADMIN), `unshare` (util-linux) and `ip` (iproute2).
# Where that is not permitted it says why and skips, except under CI, where a skip would hide
# a broken tier, so it fails.
set -eu
SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$SELF")/../.."
CONFIG=test/livekit/vitest.e2e.config.ts

if [ -n "${LIVEKIT_URL:-}" ] && [ -n "${LIVEKIT_API_KEY:-}" ] && [ -n "${LIVEKIT_API_SECRET:-}" ]; then
  echo "test:e2e: running against the LiveKit server at $LIVEKIT_URL (test double not started)"
  exec npx vitest run --config "$CONFIG" "$@"
fi

if [ "${KEFU_E2E_IN_NETNS:-}" = 1 ]; then
  ip link set lo up
  ip link add kefu0 type veth peer name kefu1
  ip addr add 10.77.0.1/24 dev kefu0
  ip addr add 10.77.0.2/24 dev kefu1
  ip link set kefu0 up
  ip link set kefu1 up
  export LIVEKIT_TEST_HOST=10.77.0.1
  exec npx vitest run --config "$CONFIG" "$@"
fi

cannot_run() {
  echo "test:e2e: LiveKit e2e tests NOT run: $1" >&2
  if [ -n "${CI:-}" ]; then
    echo "test:e2e: failing because CI is set (a skipped tier would pass silently)" >&2
    exit 1
  fi
  exit 0
}

command -v unshare >/dev/null 2>&1 || cannot_run "unshare is missing (apt-get install util-linux)"
command -v ip >/dev/null 2>&1 || cannot_run "ip is missing (apt-get install iproute2)"
command -v setsid >/dev/null 2>&1 || cannot_run "setsid is missing (apt-get install util-linux)"
if ! why=$(unshare -n sh -c 'ip link add kefu0 type veth peer name kefu1' 2>&1); then
  cannot_run "cannot create a network namespace with a veth pair (needs root or CAP_SYS_ADMIN+CAP_NET_ADMIN): $why"
fi
# In a session of its own: the phones and the media server raise their session's CPU share
# (suite.ts), which on a real call are other machines. Raised in the caller's session it would also
# raise whatever else runs there (a build, a `yes` loop), which then competes with the call's audio
# at the same share (decision 0310). setsid runs in place here (the background job is not a process
# group leader), so the tier's pid is its session and process group; a signal to this script ends it.
KEFU_E2E_IN_NETNS=1 KEFU_E2E_OWN_SESSION=1 setsid -w unshare -n sh "$SELF" "$@" &
tier=$!
trap 'kill -TERM -- "-$tier" 2>/dev/null || kill -TERM "$tier" 2>/dev/null' INT TERM
status=0
wait "$tier" || status=$?
# A trapped signal interrupts `wait`; wait again until the tier has ended.
while kill -0 "$tier" 2>/dev/null; do
  status=0
  wait "$tier" || status=$?
done
exit "$status"
