#!/usr/bin/env bash
# Rewrites references to the old error-code classes into the one catalogue (Ticketing.Domain.Common.Errors).
# Idempotent: re-run after merging branches that still use the old names.
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(grep -rlE "\b(DomainErrorCodes|ClaimErrorCodes|AccountErrorCodes|TicketErrorCodes|PaymentErrorCodes|ErrorCodes)\.[A-Z]" src tests bench --include=*.cs | grep -v '/obj/\|/bin/' || true)
for f in $files; do
  sed -i -E \
    -e 's/\bPaymentErrorCodes\.GatewayUnavailable\b/Errors.PaymentGatewayUnavailable/g' \
    -e 's/\b(DomainErrorCodes|ClaimErrorCodes|AccountErrorCodes|TicketErrorCodes|PaymentErrorCodes|ErrorCodes)\.([A-Z][A-Za-z]*)/Errors.\2/g' "$f"
  if ! grep -q '^namespace Ticketing.Domain.Common;' "$f" && ! grep -q '^using Ticketing.Domain.Common;' "$f"; then
    last=$(grep -n '^using ' "$f" | tail -1 | cut -d: -f1 || true)
    if [ -n "$last" ]; then sed -i "${last}a using Ticketing.Domain.Common;" "$f"; else sed -i '1i using Ticketing.Domain.Common;\n' "$f"; fi
  fi
done
grep -rlE "\.Code\.ShouldBe\(\"" tests --include=*.cs | xargs -r sed -i -E 's/\.Code\.ShouldBe\("/.Code.Value.ShouldBe("/g' || true
echo "rewrote: $(echo "$files" | grep -c . || true) files"
