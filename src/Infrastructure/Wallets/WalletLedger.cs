using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Wallets;
using Ticketing.Infrastructure.Data;

namespace Ticketing.Infrastructure.Wallets;

/// <summary>
/// Each movement is a balance update and its ledger row in one statement: the update takes the row lock, so the
/// ledger's balance_after is exact, and a reference already in the ledger moves nothing.
/// </summary>
public sealed class WalletLedger(ApplicationDbContext context, TimeProvider timeProvider) : IWalletLedger
{
    public async Task<Guid> WalletOfAsync(Guid customerId, string currency, CancellationToken cancellationToken)
    {
        var opened = Wallet.Open(customerId, currency, timeProvider.GetUtcNow());
        await context.Database.ExecuteSqlAsync($"""
            INSERT INTO wallets (id, customer_id, currency, balance, created_at)
            VALUES ({opened.Id}, {customerId}, {currency}, 0, {opened.CreatedAt})
            ON CONFLICT (customer_id, currency) DO NOTHING
            """, cancellationToken);
        return await context.Set<Wallet>().Where(w => w.CustomerId == customerId && w.Currency == currency)
            .Select(w => w.Id).SingleAsync(cancellationToken);
    }

    public async Task<long> CreditAsync(Guid walletId, long amount, string reason, string reference, CancellationToken cancellationToken)
    {
        var moved = await MoveAsync(walletId, amount, reason, reference, WalletTransactionType.Credit, cancellationToken);
        return moved ?? await BalanceAfterAsync(walletId, reference, cancellationToken);
    }

    public async Task<long?> TryDebitAsync(Guid walletId, long amount, string reason, string reference, CancellationToken cancellationToken)
    {
        var moved = await MoveAsync(walletId, -amount, reason, reference, WalletTransactionType.Debit, cancellationToken);
        if (moved is not null)
        {
            return moved;
        }

        // Either this reference was debited already (a retry: report that movement) or the balance is too low.
        return await context.Set<WalletTransaction>().AnyAsync(t => t.WalletId == walletId && t.Reference == reference, cancellationToken)
            ? await BalanceAfterAsync(walletId, reference, cancellationToken)
            : null;
    }

    /// <summary>Moves <paramref name="delta"/> unless the reference is known or a debit would go below zero; the new balance, or null.</summary>
    private async Task<long?> MoveAsync(
        Guid walletId, long delta, string reason, string reference, WalletTransactionType type, CancellationToken cancellationToken)
    {
        if (delta == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(delta), "A wallet movement moves some money.");
        }

        var rows = await context.Database.SqlQuery<long>($"""
            WITH moved AS (
                UPDATE wallets SET balance = balance + {delta}
                 WHERE id = {walletId} AND balance + {delta} >= 0
                   AND NOT EXISTS (SELECT 1 FROM wallet_transactions WHERE wallet_id = {walletId} AND reference = {reference})
                RETURNING balance)
            INSERT INTO wallet_transactions (id, wallet_id, type, amount, balance_after, reason, reference, created_at)
            SELECT {Guid.CreateVersion7()}, {walletId}, {type.ToString()}, {Math.Abs(delta)}, moved.balance, {reason}, {reference}, {timeProvider.GetUtcNow()}
              FROM moved
            RETURNING balance_after AS "Value"
            """).ToListAsync(cancellationToken);
        return rows.Count == 1 ? rows[0] : null;
    }

    private Task<long> BalanceAfterAsync(Guid walletId, string reference, CancellationToken cancellationToken) =>
        context.Set<WalletTransaction>().Where(t => t.WalletId == walletId && t.Reference == reference)
            .Select(t => t.BalanceAfter).SingleAsync(cancellationToken);
}
