using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Audit;
using Ticketing.Application.Claims;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Application.Events;
using Ticketing.Domain.Common;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Bookings.Commands.CancelBooking;

/// <summary>
/// Cancels a booking, refunded to the customer's wallet, with its tickets back on sale. The customer may do so until
/// the event starts; its organizer and Admins at any time.
/// </summary>
[Authorize]
public sealed record CancelBookingCommand(Guid BookingId) : IRequest<BookingDto>;

public sealed class CancelBookingCommandHandler(
    IApplicationDbContext context,
    ICurrentUser currentUser,
    BookingReads reads,
    BookingRefunds refunds,
    EventAvailability availability,
    AuditTrail audit,
    TimeProvider timeProvider) : IRequestHandler<CancelBookingCommand, BookingDto>
{
    public async Task<BookingDto> Handle(CancelBookingCommand request, CancellationToken cancellationToken)
    {
        var booking = await reads.VisibleTo(currentUser).SingleOrDefaultAsync(b => b.Id == request.BookingId, cancellationToken)
            ?? throw new NotFoundException("Booking");
        var @event = await context.Events.AsNoTracking().SingleAsync(e => e.Id == booking.EventId, cancellationToken);
        var byOrganizer = currentUser.Owns(@event);
        if (!byOrganizer
            && (@event.State is not (EventState.Scheduled or EventState.OnSale or EventState.SoldOut) || timeProvider.GetUtcNow() >= @event.StartsAt))
        {
            throw new DomainException(DomainErrorCodes.InvalidState, "The event has started or closed; ask the organizer.");
        }

        await using var transaction = await context.BeginTransactionAsync(cancellationToken);
        await refunds.CancelAsync(booking, byOrganizer ? "cancelled by the organizer" : "cancelled by the customer", toCard: false, cancellationToken);
        audit.Record("booking.cancelled", booking.Id, $"refund {booking.Total} to the wallet; by the {(byOrganizer ? "organizer" : "customer")}");
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await availability.FollowAsync(booking.EventId, cancellationToken);
        return reads.WithCodes([await reads.Project(context.Bookings.Where(b => b.Id == booking.Id)).SingleAsync(cancellationToken)])[0];
    }
}
