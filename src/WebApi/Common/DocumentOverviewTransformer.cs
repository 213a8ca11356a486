using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ticketing.WebApi.Common;

/// <summary>
/// The document's first page: what the API is, how to sign in and use "Authorize", what every error looks like; and
/// the operations grouped in the order a buyer meets them, the organizers' and admins' after (issue 18).
/// </summary>
public sealed class DocumentOverviewTransformer : IOpenApiDocumentTransformer
{
    private const string Overview = """
        Sells every seat exactly once.

        **Signing in.** `POST /api/auth/login` with `{"email", "password"}` (the README lists the demo accounts of
        `scripts/run.sh`) answers an `accessToken`: press **Authorize**, paste it, and every "Try it out" sends it
        as `Authorization: Bearer …`. It lasts 15 minutes; `POST /api/auth/refresh` trades the `refreshToken` for a
        new pair.

        **Buying a ticket.** Find the event (`GET /api/events`), join its queue if it has one and poll
        `GET /api/events/{id}/queue/me` until it carries an admission token, claim (`POST /api/events/{id}/claims`),
        pay (`POST /api/claims/{id}/payments`, with any fresh `Idempotency-Key`), open the answer's `checkoutUrl`
        (relative to this server) and press Pay; the booking appears in `GET /api/me/bookings`.

        **Errors** are RFC 9457 problem details (`application/problem+json`) with a stable `code` to switch on and
        a `requestId` to quote. Money-moving POSTs take an `Idempotency-Key` header: retrying with the same key and
        body returns the first answer.
        """;

    // A buyer's journey first, then what organizers, the door and admins use.
    private static readonly string[] TagOrder =
    [
        "Auth", "Events", "Queue", "Claims", "Payments", "Bookings", "Wallet",
        "Venues", "Operations", "Reports", "AdminUsers", "AdminApiKeys", "AdminAuditLog", "AdminMoneyAudit",
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Ticketing API";
        document.Info.Description = Overview;
        if (document.Tags is { Count: > 0 } tags)
        {
            document.Tags = new HashSet<OpenApiTag>(
                tags.OrderBy(t => Array.IndexOf(TagOrder, t.Name) is var i and >= 0 ? i : TagOrder.Length).ThenBy(t => t.Name, StringComparer.Ordinal));
        }

        return Task.CompletedTask;
    }
}
