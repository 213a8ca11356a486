using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Audit;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Application.Events;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Common;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Bookings.Commands.CancelBooking;

/// <summary>
/// Cancels a booking, refunded to the customer's wallet, with its unused tickets back on sale. The customer may do
/// so until the event starts and while no ticket was used; its organizer and Admins at any time, refunding only
/// the unused tickets. Door staff never cancel: 403 where they can see the booking, 404 where they cannot.
/// </summary>
[Authorize]
public sealed record CancelBookingCommand(Guid BookingId) : IRequest<BookingDto>, ITransactional;

public sealed class CancelBookingCommandHandler(
    IApplicationDbContext context,
    ICurrentUser currentUser,
    BookingReads reads,
    BookingRefunds refunds,
    AuditTrail audit,
    TimeProvider timeProvider) : IRequestHandler<CancelBookingCommand, BookingDto>
{
    public async Task<BookingDto> Handle(CancelBookingCommand request, CancellationToken cancellationToken)
    {
        var booking = await reads.OwnedOrManagedBy(currentUser).SingleOrDefaultAsync(b => b.Id == request.BookingId, cancellationToken);
        if (booking is null)
        {
            throw await reads.VisibleTo(currentUser).AnyAsync(b => b.Id == request.BookingId, cancellationToken)
                ? new ForbiddenAccessException(Errors.Forbidden, "Door staff check tickets in; only the customer, the organizer or an Admin cancel.")
                : new NotFoundException("Booking");
        }

        var @event = await context.Events.AsNoTracking().SingleAsync(e => e.Id == booking.EventId, cancellationToken);
        var by = currentUser.IsAdmin ? Canceller.Admin : currentUser.Owns(@event) ? Canceller.Organizer : Canceller.Customer;
        if (by == Canceller.Customer
            && (@event.State is not (EventState.Scheduled or EventState.OnSale or EventState.SoldOut) || timeProvider.GetUtcNow() >= @event.StartsAt))
        {
            throw new DomainException(Errors.InvalidState, "The event has started or closed; ask the organizer.");
        }

        var role = by.ToString().ToLowerInvariant();
        var refund = await refunds.CancelAsync(booking, $"cancelled by the {role}", by, toCard: false, cancellationToken);
        audit.Record("booking.cancelled", booking.Id, $"refund {refund} to the wallet; by the {role} {currentUser.UserId}");
        await context.SaveChangesAsync(cancellationToken);
        return reads.WithCodes([await reads.Project(context.Bookings.Where(b => b.Id == booking.Id)).SingleAsync(cancellationToken)])[0];
    }
}
