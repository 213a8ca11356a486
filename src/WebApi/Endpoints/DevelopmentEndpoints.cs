using Ticketing.Infrastructure.Email;

namespace Ticketing.WebApi.Endpoints;

/// <summary>Tools for people trying the system locally. Mapped only in Development and left out of the API document.</summary>
public static class DevelopmentEndpoints
{
    public static void MapDevelopmentEndpoints(this WebApplication app)
    {
        app.MapGet("/dev/mailbox", ReadMailbox).ExcludeFromDescription();
    }

    private static async Task<IResult> ReadMailbox(DevelopmentMailbox mailbox, string? to, CancellationToken cancellationToken)
    {
        var messages = await mailbox.ReadAsync(to, cancellationToken);
        return TypedResults.Ok(messages.Select(m => new { m.Id, m.To, m.Subject, m.Body, m.SentAt }));
    }
}
