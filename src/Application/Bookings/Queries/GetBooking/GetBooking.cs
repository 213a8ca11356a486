using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;

namespace Ticketing.Application.Bookings.Queries.GetBooking;

/// <summary>A booking for whoever may see it; the ticket codes only for its customer, its organizer and Admins.</summary>
[Authorize]
public sealed record GetBookingQuery(Guid BookingId) : IRequest<BookingDto>;

public sealed class GetBookingQueryHandler(ICurrentUser currentUser, BookingReads reads) : IRequestHandler<GetBookingQuery, BookingDto>
{
    public async Task<BookingDto> Handle(GetBookingQuery request, CancellationToken cancellationToken)
    {
        var booking = await reads.Project(reads.VisibleTo(currentUser).Where(b => b.Id == request.BookingId)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Booking");
        return await reads.OwnedOrManagedBy(currentUser).AnyAsync(b => b.Id == booking.Id, cancellationToken)
            ? reads.WithCodes([booking])[0]
            : booking;
    }
}
