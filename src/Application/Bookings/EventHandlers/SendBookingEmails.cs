using System.Text;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Events;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Common;
using Ticketing.Domain.Payments;

namespace Ticketing.Application.Bookings.EventHandlers;

/// <summary>The customer hears about their booking, its cancellation and any refund — through the outbox, retried until sent.</summary>
public sealed class SendBookingEmails(IApplicationDbContext context, IEmailSender email, ITicketCodes codes, IIdentityService identity)
    : INotificationHandler<DomainEventNotification<BookingConfirmedEvent>>,
      INotificationHandler<DomainEventNotification<BookingCancelledEvent>>,
      INotificationHandler<DomainEventNotification<PaymentRefundedEvent>>
{
    public async Task Handle(DomainEventNotification<BookingConfirmedEvent> notification, CancellationToken cancellationToken)
    {
        var booking = await context.Bookings.AsNoTracking().SingleAsync(b => b.Id == notification.DomainEvent.BookingId, cancellationToken);
        if (booking.HolderEmail is null)
        {
            return;
        }

        var title = await EventTitleAsync(booking.EventId, cancellationToken);
        var body = new StringBuilder($"Hello {booking.HolderName},\n\nyour booking for {title} is confirmed ({booking.Total}).\n\nYour tickets:\n");
        foreach (var ticket in booking.Tickets)
        {
            body.Append(ticket.SeatLabel is null ? "  " : $"  {ticket.SeatLabel}: ").Append(codes.Issue(ticket.Id)).Append('\n');
        }

        body.Append("\nShow each code (or its QR in the app) at the door. Each ticket gets in once.\n");
        await email.SendAsync(new EmailMessage(booking.HolderEmail, $"Your tickets for {title}", body.ToString()), cancellationToken);
    }

    public async Task Handle(DomainEventNotification<BookingCancelledEvent> notification, CancellationToken cancellationToken)
    {
        var cancelled = notification.DomainEvent;
        var booking = await context.Bookings.AsNoTracking().SingleAsync(b => b.Id == cancelled.BookingId, cancellationToken);
        if (booking.HolderEmail is null)
        {
            return;
        }

        var title = await EventTitleAsync(booking.EventId, cancellationToken);
        await email.SendAsync(
            new EmailMessage(
                booking.HolderEmail,
                $"Booking cancelled: {title}",
                $"Hello {booking.HolderName},\n\nyour booking for {title} was cancelled ({cancelled.Reason}). {new Money(cancelled.RefundAmount, cancelled.Currency)} is refunded to you.\n"),
            cancellationToken);
    }

    /// <summary>Refunds of payments that never became a booking (a late payment whose tickets were gone); booking refunds are told above.</summary>
    public async Task Handle(DomainEventNotification<PaymentRefundedEvent> notification, CancellationToken cancellationToken)
    {
        var refunded = notification.DomainEvent;
        if (await context.Bookings.AnyAsync(b => b.PaymentId == refunded.PaymentId, cancellationToken)
            || await identity.FindUserAsync(refunded.CustomerId, cancellationToken) is not { } customer)
        {
            return;
        }

        await email.SendAsync(
            new EmailMessage(
                customer.Email,
                "Your payment was refunded",
                $"Hello {customer.DisplayName},\n\nyour payment of {new Money(refunded.Amount, refunded.Currency)} arrived after your tickets were released, and they had been sold meanwhile. We refunded it in full.\n"),
            cancellationToken);
    }

    private Task<string> EventTitleAsync(Guid eventId, CancellationToken cancellationToken) =>
        context.Events.Where(e => e.Id == eventId).Select(e => e.Title).SingleAsync(cancellationToken);
}
