#!/usr/bin/env bash
# Regenerates the TypeScript client after an API change:
#   1. refreshes clients/typescript/openapi.json with the document the API serves (the integration test
#      The_committed_API_document_matches_the_API writes it when UPDATE_OPENAPI_DOCUMENT=1), then
#   2. regenerates clients/typescript/src/ticketing-client.ts with NSwag and compiles it.
# Needs the .NET 10 SDK (and what the integration tests need: PostgreSQL) and Node 20 with npm.
# Commit openapi.json and src/ticketing-client.ts together afterwards.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

log() { printf '\033[1m[update-client]\033[0m %s\n' "$*"; }

document=clients/typescript/openapi.json

log "refreshing $document from the API"
# dotnet test also succeeds when the filter matches no test, so check against this marker that the document
# really was rewritten.
marker=$(mktemp)
trap 'rm -f "$marker"' EXIT
UPDATE_OPENAPI_DOCUMENT=1 dotnet test tests/IntegrationTests \
  --filter "FullyQualifiedName~The_committed_API_document_matches_the_API"
if [ -z "$(find "$document" -newer "$marker" 2>/dev/null)" ]; then
  echo "update-client: $document was not rewritten; did the test The_committed_API_document_matches_the_API run?" >&2
  exit 1
fi

log "regenerating the TypeScript client"
cd clients/typescript
npm ci --no-audit --no-fund
npm run generate
npm run build

cd "$root"
log "done; commit clients/typescript/openapi.json and src/ticketing-client.ts together:"
git status --short -- clients/typescript || true
