namespace Ticketing.Application.Common.Interfaces;

/// <summary>Refunds asked for that nothing is still working on: one query across payments and the outbox.</summary>
public interface IStrandedRefunds
{
    /// <summary>
    /// Payments whose refund was requested before <paramref name="requestedBefore"/>, is neither done nor taken by the
    /// gateway, and whose every refund-request message was dead-lettered (or none exists). A message that was delivered
    /// without effect is left alone: before refund ids were recorded, that meant the gateway had taken the refund.
    /// </summary>
    Task<IReadOnlyList<Guid>> FindAsync(DateTimeOffset requestedBefore, int maxCount, CancellationToken cancellationToken);
}
