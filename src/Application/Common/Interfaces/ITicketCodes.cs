namespace Ticketing.Application.Common.Interfaces;

/// <summary>
/// The code printed on a ticket (and in its QR): the ticket id with an HMAC signature, so a scanner can reject a
/// forged code before any lookup and nobody can make up a valid one.
/// </summary>
public interface ITicketCodes
{
    string Issue(Guid ticketId);

    /// <summary>The ticket id inside a genuine code; null for anything forged or malformed.</summary>
    Guid? Read(string code);
}

public interface IQrCodes
{
    byte[] RenderPng(string text);
}
