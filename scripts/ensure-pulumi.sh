#!/usr/bin/env bash
# Prints the directory holding a usable `pulumi` CLI, building it from its Go module when needed.
# Order: $PULUMI_CLI (a path to the binary), `pulumi` on PATH, the cache, else `go build` into the cache.
# The cache lives outside the checkout so every clone on the machine shares one build:
#   ${PULUMI_PARTNER_CENTER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-partner-center}/pulumi-<version>/bin
# Beside a cached build it also places pulumi-resource-pulumi-nodejs (the dynamic-provider plugin script,
# copied from node_modules/@pulumi/pulumi) so the engine finds it without a PATH warning, and
# pulumi-language-nodejs (the Node.js language host plain `pulumi up` needs): from its Go module first (the
# marker file language-nodejs.unavailable records a refusal by the proxy so later runs skip it), else built
# with the build.sh of $PULUMI_LANGUAGE_NODEJS_SRC, of ../shared/tools/pulumi-language-nodejs beside the
# checkout, or of /work/shared/tools/pulumi-language-nodejs (the project machines keep its sources there).
# Choice: concurrent callers (parallel test runs, CI) serialize on a flock in the cache; the version check
# accepts 3.x >= 3.181 because inline Automation refresh/destroy need it.
set -euo pipefail
PINNED="${PULUMI_VERSION:-v3.274.1}"
MIN_MAJOR=3
MIN_MINOR=181
MIN_GO_MINOR=25   # pkg/go.mod of the pinned CLI says go 1.25.x
CACHE_ROOT="${PULUMI_PARTNER_CENTER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-partner-center}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PLUGIN_SCRIPT="$REPO_ROOT/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
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
BIN="$DEST/bin"

cached_ok() { [[ -x "$BIN/pulumi" ]] && [[ "$("$BIN/pulumi" version 2>/dev/null)" == "$PINNED" ]]; }

place_plugin_script() { # the dynamic-provider plugin resolves @pulumi/pulumi from its cwd, so one copy serves every checkout
  [[ -x "$BIN/pulumi-resource-pulumi-nodejs" || ! -f "$PLUGIN_SCRIPT" ]] && return 0
  cp "$PLUGIN_SCRIPT" "$BIN/pulumi-resource-pulumi-nodejs.tmp" && chmod 0755 "$BIN/pulumi-resource-pulumi-nodejs.tmp" \
    && mv "$BIN/pulumi-resource-pulumi-nodejs.tmp" "$BIN/pulumi-resource-pulumi-nodejs"
}

try_language_host() { # the Go module first (users on the internet), then the Pulumi sources a machine keeps beside us
  [[ -x "$BIN/pulumi-language-nodejs" ]] && return 0
  if [[ ! -f "$DEST/language-nodejs.unavailable" ]] && command -v go >/dev/null 2>&1; then
    local work="$DEST/language-module"
    rm -rf "$work"; mkdir -p "$work"
    if (
      cd "$work"
      export GOFLAGS="-mod=mod" GOTOOLCHAIN=local
      go mod init pclanghost >/dev/null 2>&1 &&
      go get "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3@$PINNED" >/dev/null 2>"$DEST/language-nodejs.log" &&
      go build -trimpath -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PINNED" \
        -o "$BIN/pulumi-language-nodejs" github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 2>>"$DEST/language-nodejs.log"
    ); then
      log "built pulumi-language-nodejs $PINNED from its Go module"
    else
      date -u +%FT%TZ > "$DEST/language-nodejs.unavailable"
      log "pulumi-language-nodejs $PINNED is not served by the Go module proxy (see $DEST/language-nodejs.log; delete $DEST/language-nodejs.unavailable to try again)"
    fi
    rm -rf "$work"
    [[ -x "$BIN/pulumi-language-nodejs" ]] && return 0
  fi
  local src=""
  for candidate in "${PULUMI_LANGUAGE_NODEJS_SRC:-}" "$REPO_ROOT/../shared/tools/pulumi-language-nodejs" /work/shared/tools/pulumi-language-nodejs; do
    [[ -n "$candidate" && -f "$candidate/build.sh" ]] && { src="$candidate"; break; }
  done
  if [[ -z "$src" ]]; then
    log "no pulumi-language-nodejs: plain \`pulumi up\` of a Node.js project needs it (the Automation API tests do not)."
    log "Set PULUMI_LANGUAGE_NODEJS_SRC to a folder with its sources and build.sh, or install the official Pulumi CLI."
    return 0
  fi
  command -v go >/dev/null 2>&1 || { log "building pulumi-language-nodejs from $src needs Go >= 1.$MIN_GO_MINOR"; return 0; }
  log "building pulumi-language-nodejs from $src into $BIN"
  if bash "$src/build.sh" "$BIN" >/dev/null 2>"$DEST/language-nodejs-src.log"; then
    log "built pulumi-language-nodejs: plain \`pulumi up\` of a Node.js project works"
  else
    log "building pulumi-language-nodejs from $src failed (see $DEST/language-nodejs-src.log)"
  fi
}

if cached_ok; then
  place_plugin_script
  [[ -x "$BIN/pulumi-language-nodejs" ]] || { exec 9>"$DEST/.lock"; flock 9; try_language_host; }
  echo "$BIN"; exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  log "no Pulumi CLI found (PULUMI_CLI, PATH, $BIN) and no Go toolchain to build $PINNED."
  log "Install Pulumi >= 3.$MIN_MINOR (https://www.pulumi.com/docs/install/) or Go >= 1.$MIN_GO_MINOR, then run this again,"
  log "or set PULUMI_CLI=/path/to/pulumi."
  exit 1
fi
GO_MINOR=$(go env GOVERSION 2>/dev/null | sed -E 's/^go1\.([0-9]+).*/\1/')
if ! [[ "$GO_MINOR" =~ ^[0-9]+$ ]] || (( GO_MINOR < MIN_GO_MINOR )); then
  log "$(command -v go) is $(go env GOVERSION 2>/dev/null || echo 'of unknown version'); building Pulumi $PINNED needs Go >= 1.$MIN_GO_MINOR."
  log "Put a newer Go first on PATH, or install Pulumi >= 3.$MIN_MINOR and set PULUMI_CLI."
  exit 1
fi

mkdir -p "$DEST"
exec 9>"$DEST/.lock"
flock 9
if cached_ok; then   # another caller finished the build while we waited
  place_plugin_script; try_language_host; echo "$BIN"; exit 0
fi

log "building Pulumi CLI $PINNED from its Go module into $DEST (about 7 min cold, under a minute when Go's build cache is warm)"
WORK="$DEST/module"
rm -rf "$WORK"; mkdir -p "$WORK" "$BIN"
(
  cd "$WORK"
  export GOFLAGS="-mod=mod" GOTOOLCHAIN=local
  go mod init pcbuild >/dev/null 2>&1
  # pkg/go.mod's own replace is ignored for a dependency, so the wrapper module repeats it.
  go mod edit -replace github.com/atotto/clipboard=github.com/tgummerer/clipboard@v0.0.0-20241001131231-d02d263e614e
  go get "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@$PINNED" "github.com/pulumi/pulumi/sdk/v3@$PINNED" 2>"$DEST/go-get.log" \
    || { cat "$DEST/go-get.log" >&2; exit 1; }
  go build -trimpath -tags osusergo,grpcnotrace \
    -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PINNED" \
    -o "$BIN/pulumi.tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
  mv "$BIN/pulumi.tmp" "$BIN/pulumi"
)
[[ "$("$BIN/pulumi" version)" == "$PINNED" ]] || { log "built binary does not report $PINNED"; exit 1; }
place_plugin_script
try_language_host
echo "$BIN"
