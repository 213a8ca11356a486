using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Bookings.Queries.GetTicketQr;

/// <summary>A valid ticket's code as a PNG QR image, for whoever may hold its codes (not door staff: 403).</summary>
[Authorize]
public sealed record GetTicketQrQuery(Guid TicketId) : IRequest<byte[]>;

public sealed class GetTicketQrQueryHandler(ICurrentUser currentUser, BookingReads reads, ITicketCodes codes, IQrCodes qr)
    : IRequestHandler<GetTicketQrQuery, byte[]>
{
    public async Task<byte[]> Handle(GetTicketQrQuery request, CancellationToken cancellationToken)
    {
        var status = await reads.OwnedOrManagedBy(currentUser).SelectMany(b => b.Tickets).Where(t => t.Id == request.TicketId)
            .Select(t => (TicketStatus?)t.Status).SingleOrDefaultAsync(cancellationToken);
        if (status is null)
        {
            throw await reads.VisibleTo(currentUser).SelectMany(b => b.Tickets).AnyAsync(t => t.Id == request.TicketId, cancellationToken)
                ? new ForbiddenAccessException(Errors.Forbidden, "Door staff scan tickets; they do not get their codes.")
                : new NotFoundException("Ticket");
        }

        if (status == TicketStatus.Void)
        {
            throw new Domain.Common.DomainException(Domain.Common.Errors.InvalidState, "The ticket is void.");
        }

        return qr.RenderPng(codes.Issue(request.TicketId));
    }
}
