#!/usr/bin/env bash
# The real parts the image-path tests use: Debian's docker.io (dockerd), docker-registry (CNCF
# distribution, started per test file by test/support/registry-service.ts) and apache2-utils
# (htpasswd). Installs what is missing, starts dockerd with no container networking, runs the
# command given (default: an interactive shell) with DOCKER_HOST pointing at it, and stops the
# daemon when the command ends, whatever its outcome.
#
#   scripts/services.sh npm test            # what .ci/run does
#   npm run services -- npx vitest run test/docker
#
# dockerd: --bridge=none (no docker0), --iptables=false and --ip-masq=false (no NAT rules): no
# container reaches any network; builds run with --network none. Its state (data root, exec
# root, pid file, socket) lives in a temporary directory, so it can run beside a system daemon.
# It trusts registries on 127.0.0.0/8 as insecure without configuration (moby, registry/config.go).
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

start=$(now)
# A command already there is enough (a runner may have Docker CE's dockerd, which docker.io's
# packages would conflict with): only what is missing is installed.
missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v docker-registry >/dev/null || [ -x /usr/bin/docker-registry ] || missing+=(docker-registry)
command -v htpasswd >/dev/null || missing+=(apache2-utils)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "services: installing ${missing[*]} (apt-get)"
  as_root apt-get update -qq
  # With their recommended packages (apparmor, cgroupfs-mount, xz-utils, ...), as on the machines
  # the tests were run on.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
echo "services: packages ready in $(took "$start")"

state=$(mktemp -d "${TMPDIR:-/tmp}/ci-image-dockerd.XXXXXX")
export DOCKER_HOST="unix://$state/docker.sock"
stop_dockerd() {
  local pid
  pid=$(cat "$state/dockerd.pid" 2>/dev/null || true)
  if [ -n "$pid" ]; then
    as_root kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do as_root kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  as_root rm -rf "$state" 2>/dev/null || true
}
trap stop_dockerd EXIT

start=$(now)
as_root dockerd --bridge=none --iptables=false --ip-masq=false \
  --data-root "$state/data" --exec-root "$state/exec" --pidfile "$state/dockerd.pid" \
  --host "$DOCKER_HOST" >"$state/dockerd.log" 2>&1 &
for _ in $(seq 300); do
  docker version --format '{{.Server.Version}}' >/dev/null 2>&1 && break
  sleep 0.1
done
if ! docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
  echo "services: dockerd did not answer at $DOCKER_HOST within 30 s; its log:" >&2
  tail -20 "$state/dockerd.log" >&2
  exit 1
fi
echo "services: dockerd $(docker version --format '{{.Server.Version}}') answers at $DOCKER_HOST after $(took "$start")"

if [ "$#" -eq 0 ]; then set -- "${SHELL:-bash}"; fi
"$@"
