using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;

namespace Ticketing.Application.Payments.Queries.GetPayment;

/// <summary>A payment, for the customer who made it or an Admin; anyone else gets 404.</summary>
[Authorize]
public sealed record GetPaymentQuery(Guid PaymentId) : IRequest<PaymentDto>;

public sealed class GetPaymentQueryHandler(IApplicationDbContext context, ICurrentUser currentUser, IMapper mapper)
    : IRequestHandler<GetPaymentQuery, PaymentDto>
{
    public async Task<PaymentDto> Handle(GetPaymentQuery request, CancellationToken cancellationToken) =>
        await context.Payments.AsNoTracking()
            .Where(p => p.Id == request.PaymentId && (currentUser.IsAdmin || p.CustomerId == currentUser.UserId))
            .ProjectTo<PaymentDto>(mapper.ConfigurationProvider)
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Payment");
}
