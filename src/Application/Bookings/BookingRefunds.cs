using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Inventory;
using Ticketing.Application.Payments;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Common;
using Ticketing.Domain.Payments;

namespace Ticketing.Application.Bookings;

/// <summary>
/// Cancels a booking in the caller's transaction: its unused tickets void, their stock and seats back, their price
/// back. A ticket already used at the door is none of these: it stays sold and paid (invariants 1, 2 and 9).
/// </summary>
public sealed class BookingRefunds(
    IApplicationDbContext context,
    IInventory inventory,
    EventAvailability availability,
    IWalletLedger wallets,
    PaymentSettlement settlement,
    TimeProvider timeProvider)
{
    /// <param name="toCard">
    /// Refund a card payment to the card through the gateway (event cancelled) rather than to the wallet. Only a
    /// booking with no used ticket goes back to the card: the gateway refunds the whole capture, so a partly used
    /// booking's unused part is credited to the wallet instead (ADR 0011).
    /// </param>
    /// <returns>What was refunded: the prices of the voided tickets.</returns>
    public async Task<Money> CancelAsync(Booking booking, string reason, Canceller by, bool toCard, CancellationToken cancellationToken)
    {
        var voided = booking.Cancel(timeProvider.GetUtcNow(), reason, by);
        var refund = voided.Aggregate(Money.Zero(booking.Currency), (sum, t) => sum + t.Price);
        if (voided.Count > 0)
        {
            await inventory.ReturnSoldAsync(
                voided.GroupBy(t => t.TicketTypeId).Select(g => (g.Key, g.Count())).ToList(),
                voided.Where(t => t.SeatId is not null).Select(t => t.SeatId!.Value).ToList(),
                cancellationToken);
            availability.FollowAfterCommit(booking.EventId);
        }

        if (booking.CustomerId is not { } customerId)
        {
            // A walk-in paid cash at the box office and is refunded there.
            return refund;
        }

        var payment = booking.PaymentId is { } paymentId ? await context.Payments.SingleAsync(p => p.Id == paymentId, cancellationToken) : null;
        if (toCard && voided.Count == booking.Tickets.Count && payment is { Status: PaymentStatus.Succeeded, NeedsCard: true })
        {
            await settlement.RefundAsync(payment, cancellationToken);
            return refund;
        }

        if (refund.Amount > 0)
        {
            var wallet = await wallets.WalletOfAsync(customerId, booking.Currency, cancellationToken);
            await wallets.CreditAsync(wallet, refund.Amount, $"Refund: {reason}", $"booking-refund:{booking.Id}", cancellationToken);
        }

        return refund;
    }
}
