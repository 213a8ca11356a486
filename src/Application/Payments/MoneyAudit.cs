using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Application.Outbox.Commands.DispatchOutbox;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Common;
using Ticketing.Domain.Payments;
using Ticketing.Domain.Wallets;

namespace Ticketing.Application.Payments;

/// <summary>
/// Invariant 11, checked: for every captured payment (Succeeded or Refunded), what it took (wallet part + card part)
/// equals what it booked (prices of the non-Void tickets of its booking) + what went back to a wallet (the wallet
/// part returned, a card refund credited instead, a booking refund, a top-up) + what the gateway refunded to the card.
/// A payment whose card refund is requested and not yet done is in flight: counted apart, not drift. A card refund
/// confirmed after the card part was credited to the wallet counts both, so the customer's double refund is drift.
/// </summary>
public sealed class MoneyAudit(IApplicationDbContext context, IOutboxStore outbox, IOptions<PaymentOptions> options, TimeProvider timeProvider)
{
    private const string WalletReturnPrefix = "payment:";
    private const string WalletReturnSuffix = ":wallet-return";
    private const string CardRefundPrefix = "refund:";
    private const string BookingRefundPrefix = "booking-refund:";
    private const string TopUpPrefix = "topup:";

    public async Task<MoneyAuditDto> RunAsync(CancellationToken cancellationToken)
    {
        var payments = await context.Payments.AsNoTracking()
            .Where(p => p.Status == PaymentStatus.Succeeded || p.Status == PaymentStatus.Refunded)
            .Select(p => new { p.Id, p.Reference, p.Currency, p.Provider, p.Amount, p.CardAmount, p.Status, p.RefundRequestedAt, p.RefundAcceptedAt, p.RefundedTwiceAt })
            .ToListAsync(cancellationToken);
        var bookings = await context.Bookings.AsNoTracking()
            .Where(b => b.PaymentId != null)
            .Select(b => new { b.Id, PaymentId = b.PaymentId!.Value, Booked = b.Tickets.Where(t => t.Status != TicketStatus.Void).Sum(t => t.Price.Amount) })
            .ToListAsync(cancellationToken);
        var credits = await context.WalletTransactions.AsNoTracking()
            .Where(t => t.Type == WalletTransactionType.Credit
                && (t.Reference.StartsWith(WalletReturnPrefix) || t.Reference.StartsWith(CardRefundPrefix)
                    || t.Reference.StartsWith(BookingRefundPrefix) || t.Reference.StartsWith(TopUpPrefix)))
            .Select(t => new { t.Reference, t.Amount })
            .ToListAsync(cancellationToken);

        var booked = bookings.GroupBy(b => b.PaymentId).ToDictionary(g => g.Key, g => g.Sum(b => b.Booked));
        var paymentOfBooking = bookings.ToDictionary(b => b.Id, b => b.PaymentId);
        var credited = new Dictionary<Guid, long>();
        var creditedInsteadOfCard = new HashSet<Guid>();
        foreach (var credit in credits)
        {
            if (PaymentOf(credit.Reference, paymentOfBooking, out var isCardRefund) is { } paymentId)
            {
                credited[paymentId] = credited.GetValueOrDefault(paymentId) + credit.Amount;
                if (isCardRefund)
                {
                    creditedInsteadOfCard.Add(paymentId);
                }
            }
        }

        var staleBefore = timeProvider.GetUtcNow() - options.Value.RefundConfirmAfter;
        var stale = payments
            .Where(p => p.Status == PaymentStatus.Succeeded && p.RefundRequestedAt is not null && (p.RefundAcceptedAt ?? p.RefundRequestedAt) <= staleBefore)
            .Select(p => p.Id)
            .ToHashSet();
        var lines = payments.Select(p =>
        {
            var refunded = p.Status == PaymentStatus.Refunded && (!creditedInsteadOfCard.Contains(p.Id) || p.RefundedTwiceAt is not null) ? p.CardAmount : 0;
            var inFlight = p.Status == PaymentStatus.Succeeded && p.RefundRequestedAt is not null;
            var drift = p.Amount - booked.GetValueOrDefault(p.Id) - credited.GetValueOrDefault(p.Id) - refunded;
            return new Line(p.Id, p.Reference, p.Currency, p.Provider ?? "wallet", p.Amount, booked.GetValueOrDefault(p.Id), credited.GetValueOrDefault(p.Id), refunded, inFlight, drift);
        }).ToList();

        var totals = lines
            .GroupBy(l => (l.Currency, l.Provider))
            .OrderBy(g => g.Key.Currency).ThenBy(g => g.Key.Provider)
            .Select(g => new MoneyAuditTotalDto(
                g.Key.Currency,
                g.Key.Provider,
                g.Count(),
                Major(g.Sum(l => l.Captured), g.Key.Currency),
                Major(g.Sum(l => l.Booked), g.Key.Currency),
                Major(g.Sum(l => l.Credited), g.Key.Currency),
                Major(g.Sum(l => l.Refunded), g.Key.Currency),
                Major(g.Where(l => l.InFlight).Sum(l => l.Drift), g.Key.Currency),
                Major(g.Where(l => !l.InFlight).Sum(l => l.Drift), g.Key.Currency)))
            .ToList();
        var drifts = lines.Where(l => !l.InFlight && l.Drift != 0).Select(l => l.ToDrift()).ToList();
        var inFlightPayments = lines.Where(l => l.InFlight).Select(l => l.ToDrift()).ToList();
        var staleRefunds = lines.Where(l => stale.Contains(l.PaymentId)).Select(l => l.ToDrift()).ToList();

        return new MoneyAuditDto(
            timeProvider.GetUtcNow(),
            totals,
            drifts,
            inFlightPayments,
            inFlightPayments.Count,
            staleRefunds,
            await outbox.CountStuckMoneyMovingAsync(DispatchOutboxCommandHandler.MaxAttempts, cancellationToken));
    }

    /// <summary>The payment a wallet credit gave money back for, from its ledger reference; null for any other credit.</summary>
    private static Guid? PaymentOf(string reference, Dictionary<Guid, Guid> paymentOfBooking, out bool isCardRefund)
    {
        isCardRefund = false;
        if (reference.StartsWith(BookingRefundPrefix, StringComparison.Ordinal))
        {
            return Guid.TryParse(reference[BookingRefundPrefix.Length..], out var bookingId) && paymentOfBooking.TryGetValue(bookingId, out var paid) ? paid : null;
        }

        if (reference.StartsWith(CardRefundPrefix, StringComparison.Ordinal))
        {
            isCardRefund = true;
            return Guid.TryParse(reference[CardRefundPrefix.Length..], out var refunded) ? refunded : null;
        }

        if (reference.StartsWith(TopUpPrefix, StringComparison.Ordinal))
        {
            return Guid.TryParse(reference[TopUpPrefix.Length..], out var topUp) ? topUp : null;
        }

        // payment:{id}:wallet-return; payment:{id}:wallet is the debit that took it.
        return reference.EndsWith(WalletReturnSuffix, StringComparison.Ordinal)
            && Guid.TryParse(reference[WalletReturnPrefix.Length..^WalletReturnSuffix.Length], out var returned) ? returned : null;
    }

    private static decimal Major(long minorUnits, string currency) => new Money(minorUnits, currency).ToMajor();

    private sealed record Line(Guid PaymentId, string Reference, string Currency, string Provider, long Captured, long Booked, long Credited, long Refunded, bool InFlight, long Drift)
    {
        public MoneyDriftDto ToDrift() => new(
            PaymentId, Reference, Currency, Provider, Major(Captured, Currency), Major(Booked, Currency), Major(Credited, Currency), Major(Refunded, Currency), Major(Drift, Currency));
    }
}

/// <param name="Drifts">Captured payments whose money does not add up — each one a bug or a tampering to look at.</param>
/// <param name="InFlight">Payments whose card refund is requested and not yet done; their difference is the refund on its way.</param>
/// <param name="StaleRefunds">
/// In-flight payments whose refund has waited longer than <see cref="PaymentOptions.RefundConfirmAfter"/> since the
/// provider took it (or since it was asked for): each one an alert, as the refund sweeper should have finished it.
/// </param>
/// <param name="StuckMoneyMovingMessages">Refund requests (and any other money-moving outbox work) still failing past the point a notification would be given up.</param>
public sealed record MoneyAuditDto(
    DateTimeOffset CheckedAt,
    IReadOnlyList<MoneyAuditTotalDto> Totals,
    IReadOnlyList<MoneyDriftDto> Drifts,
    IReadOnlyList<MoneyDriftDto> InFlight,
    int PendingRefunds,
    IReadOnlyList<MoneyDriftDto> StaleRefunds,
    int StuckMoneyMovingMessages);

/// <summary>Per currency and provider ("wallet" when no card was involved), in major units.</summary>
public sealed record MoneyAuditTotalDto(
    string Currency, string Provider, int Payments, decimal Captured, decimal Booked, decimal Credited, decimal Refunded, decimal InFlight, decimal Drift);

/// <summary>One payment's figures, in major units; <see cref="Difference"/> = captured − booked − credited − refunded.</summary>
public sealed record MoneyDriftDto(
    Guid PaymentId, string Reference, string Currency, string Provider, decimal Captured, decimal Booked, decimal Credited, decimal Refunded, decimal Difference);
