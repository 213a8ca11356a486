using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Payments;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Payments;

namespace Ticketing.Application.Bookings;

/// <summary>Cancels a booking in the caller's transaction: tickets void, stock back, money back.</summary>
public sealed class BookingRefunds(IApplicationDbContext context, IInventory inventory, IWalletLedger wallets, PaymentSettlement settlement, TimeProvider timeProvider)
{
    /// <param name="toCard">Refund a card payment to the card through the gateway (event cancelled) rather than to the wallet.</param>
    public async Task CancelAsync(Booking booking, string reason, bool toCard, CancellationToken cancellationToken)
    {
        booking.Cancel(timeProvider.GetUtcNow(), reason);
        await inventory.ReturnSoldAsync(
            booking.Tickets.GroupBy(t => t.TicketTypeId).Select(g => (g.Key, g.Count())).ToList(),
            booking.Tickets.Where(t => t.SeatId is not null).Select(t => t.SeatId!.Value).ToList(),
            cancellationToken);

        if (booking.CustomerId is not { } customerId)
        {
            // A walk-in paid cash at the box office and is refunded there.
            return;
        }

        var payment = booking.PaymentId is { } paymentId ? await context.Payments.SingleAsync(p => p.Id == paymentId, cancellationToken) : null;
        if (toCard && payment is { Status: PaymentStatus.Succeeded, NeedsCard: true })
        {
            await settlement.RefundAsync(payment, cancellationToken);
            return;
        }

        var wallet = await wallets.WalletOfAsync(customerId, booking.Currency, cancellationToken);
        await wallets.CreditAsync(wallet, booking.TotalAmount, $"Refund: {reason}", $"booking-refund:{booking.Id}", cancellationToken);
    }
}
