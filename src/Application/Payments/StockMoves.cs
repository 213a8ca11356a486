using Ticketing.Domain.Claims;

namespace Ticketing.Application.Payments;

/// <summary>
/// The stock one settlement moves, collected by the caller and handed to <see cref="PaymentSettlement.SaveAndCommitAsync"/>,
/// which moves it last: every booking and release updates the ticket type's row that every claim of the on-sale
/// updates, and PostgreSQL keeps it locked until COMMIT.
/// </summary>
public sealed class StockMoves
{
    private readonly List<(Claim Claim, bool Sold)> _moves = [];

    public IReadOnlyList<(Claim Claim, bool Sold)> All => _moves;

    /// <summary>A paid claim: what it held is sold.</summary>
    public void Sell(Claim claim) => _moves.Add((claim, Sold: true));

    /// <summary>An unpaid claim let go: what it held is free again.</summary>
    public void Release(Claim claim) => _moves.Add((claim, Sold: false));
}
