namespace Ticketing.Infrastructure.Payments;

/// <summary>
/// What a person did on the simulated checkout page (Development only), kept as a real provider keeps its charges,
/// so verifying a payment whose webhook was lost gets a true answer there too.
/// </summary>
public sealed class SimulatedCharge
{
    public required string Reference { get; init; }

    public bool Paid { get; init; }

    /// <summary>Minor units.</summary>
    public long Amount { get; init; }

    public required string Currency { get; init; }

    public required string TransactionId { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}
