namespace Ticketing.Application.Common.Interfaces;

/// <summary>
/// Signed admission tokens. A token is a pure function of its ticket (HMAC over entry, event, customer and the
/// fixed expiry), so issuing it again gives the same string: polling never re-mints or extends an admission.
/// </summary>
public interface IAdmissionTokens
{
    string Issue(AdmissionTicket ticket);

    /// <summary>The ticket inside a token whose signature holds; null for anything forged, altered or unreadable.</summary>
    AdmissionTicket? Read(string token);
}

public sealed record AdmissionTicket(Guid EntryId, Guid EventId, Guid CustomerId, DateTimeOffset ExpiresAt);
