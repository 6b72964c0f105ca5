#!/usr/bin/env bash
# Fails when test/generated/ is not what `npm run codegen` would produce now.
# Regenerates from a copy of the inputs (codegen.yml, schema/, test/**/*.graphql) in a temporary
# directory, so the working tree is never touched, then diffs against the committed files.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/codegen-check.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

cd "$root"
cp codegen.yml "$tmp/"
cp -R schema "$tmp/schema"
find test -name '*.graphql' -not -path 'test/generated/*' -print0 |
  while IFS= read -r -d '' file; do
    mkdir -p "$tmp/$(dirname "$file")"
    cp "$file" "$tmp/$file"
  done
ln -s "$root/node_modules" "$tmp/node_modules"

if ! (cd "$tmp" && "$root/node_modules/.bin/graphql-codegen" --config codegen.yml) >"$tmp/codegen.log" 2>&1; then
  cat "$tmp/codegen.log" >&2
  echo "codegen:check: graphql-codegen failed" >&2
  exit 1
fi

if diff -ru test/generated "$tmp/test/generated" >"$tmp/codegen.diff" 2>&1; then
  echo "codegen:check: test/generated/ is up to date"
else
  sed "s#$tmp/##g" "$tmp/codegen.diff"
  echo "codegen:check: test/generated/ is stale — run 'npm run codegen' and commit the result" >&2
  exit 1
fi
