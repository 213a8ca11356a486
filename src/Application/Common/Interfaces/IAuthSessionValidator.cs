namespace Ticketing.Application.Common.Interfaces;

/// <summary>Whether a sign-in session still stands: an access token is only as good as its session (ADR 6).</summary>
public interface IAuthSessionValidator
{
    ValueTask<bool> IsActiveAsync(Guid sessionId, CancellationToken cancellationToken);
}
