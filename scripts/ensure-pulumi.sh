#!/usr/bin/env bash
# Prints the directory holding a usable `pulumi` CLI, building it from its Go module when needed.
# Order: $PULUMI_CLI (a path to the binary), `pulumi` on PATH, the cache, else `go build` into the cache.
# The cache lives outside the checkout so every clone on the machine shares one build:
#   ${PULUMI_PARTNER_CENTER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-partner-center}/pulumi-<version>/bin
set -euo pipefail
PINNED="${PULUMI_VERSION:-v3.274.1}"
MIN_MAJOR=3
MIN_MINOR=181   # inline Automation refresh/destroy need >= 3.181.0
CACHE_ROOT="${PULUMI_PARTNER_CENTER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-partner-center}"
log() { echo "ensure-pulumi: $*" >&2; }

version_ok() { # $1 = binary
  local v; v=$("$1" version 2>/dev/null | tr -d 'v\r' | head -n1) || return 1
  local major minor; major=${v%%.*}; minor=${v#*.}; minor=${minor%%.*}
  [[ "$major" =~ ^[0-9]+$ && "$minor" =~ ^[0-9]+$ ]] || return 1
  (( major == MIN_MAJOR && minor >= MIN_MINOR ))
}

if [[ -n "${PULUMI_CLI:-}" ]]; then
  if version_ok "$PULUMI_CLI"; then dirname "$(readlink -f "$PULUMI_CLI")"; exit 0; fi
  log "PULUMI_CLI=$PULUMI_CLI is not a Pulumi CLI >= 3.$MIN_MINOR; unset it or point it at one"; exit 1
fi
if command -v pulumi >/dev/null 2>&1 && version_ok "$(command -v pulumi)"; then
  dirname "$(readlink -f "$(command -v pulumi)")"; exit 0
fi

DEST="$CACHE_ROOT/pulumi-$PINNED"
if [[ -x "$DEST/bin/pulumi" ]] && [[ "$("$DEST/bin/pulumi" version 2>/dev/null)" == "$PINNED" ]]; then
  echo "$DEST/bin"; exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  log "no Pulumi CLI found (PATH, PULUMI_CLI) and no Go toolchain to build $PINNED."
  log "Install Pulumi (https://www.pulumi.com/docs/install/) or Go >= 1.25, then run this again."
  exit 1
fi

log "building Pulumi CLI $PINNED from its Go module into $DEST (about 7 min cold, seconds when Go's build cache is warm)"
WORK="$DEST/module"
rm -rf "$WORK"; mkdir -p "$WORK" "$DEST/bin"
(
  cd "$WORK"
  export GOFLAGS="-mod=mod" GOTOOLCHAIN=local
  go mod init pcbuild >/dev/null 2>&1
  # pkg/go.mod's own replace is ignored for a dependency, so the wrapper module repeats it.
  go mod edit -replace github.com/atotto/clipboard=github.com/tgummerer/clipboard@v0.0.0-20241001131231-d02d263e614e
  go get "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@$PINNED" "github.com/pulumi/pulumi/sdk/v3@$PINNED" >&2
  go build -trimpath -tags osusergo,grpcnotrace \
    -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PINNED" \
    -o "$DEST/bin/pulumi.tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
  mv "$DEST/bin/pulumi.tmp" "$DEST/bin/pulumi"
)
[[ "$("$DEST/bin/pulumi" version)" == "$PINNED" ]] || { log "built binary does not report $PINNED"; exit 1; }
echo "$DEST/bin"
