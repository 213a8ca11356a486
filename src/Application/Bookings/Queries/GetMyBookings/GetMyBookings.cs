using MediatR;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Application.Common.Security;

namespace Ticketing.Application.Bookings.Queries.GetMyBookings;

/// <summary>The caller's bookings with their tickets, newest first.</summary>
[Authorize]
public sealed record GetMyBookingsQuery(int Page = 1, int PageSize = PageRequest.DefaultPageSize) : IRequest<PaginatedList<BookingDto>>;

public sealed class GetMyBookingsQueryHandler(IApplicationDbContext context, ICurrentUser currentUser, BookingReads reads)
    : IRequestHandler<GetMyBookingsQuery, PaginatedList<BookingDto>>
{
    public async Task<PaginatedList<BookingDto>> Handle(GetMyBookingsQuery request, CancellationToken cancellationToken)
    {
        var mine = context.Bookings.Where(b => b.CustomerId == currentUser.UserId);
        var page = await PaginatedList<BookingDto>.CreateAsync(
            reads.Project(mine.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id)), request.Page, request.PageSize, cancellationToken);
        reads.WithCodes(page.Items);
        return page;
    }
}
