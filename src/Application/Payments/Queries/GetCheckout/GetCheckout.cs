using MediatR;
using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Common;
using Ticketing.Domain.Payments;

namespace Ticketing.Application.Payments.Queries.GetCheckout;

/// <summary>What a gateway's checkout page shows for a reference: the card part to charge. Used by the simulated gateway.</summary>
public sealed record GetCheckoutQuery(string Reference) : IRequest<CheckoutDto>;

/// <param name="Amount">Minor units, as gateways count.</param>
public sealed record CheckoutDto(string Reference, long Amount, string Currency, string Display, PaymentStatus Status);

public sealed class GetCheckoutQueryHandler(IApplicationDbContext context) : IRequestHandler<GetCheckoutQuery, CheckoutDto>
{
    public async Task<CheckoutDto> Handle(GetCheckoutQuery request, CancellationToken cancellationToken)
    {
        var payment = await context.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Reference == request.Reference, cancellationToken)
            ?? throw new NotFoundException("Checkout");
        return new CheckoutDto(payment.Reference, payment.CardAmount, payment.Currency, new Money(payment.CardAmount, payment.Currency).ToString(), payment.Status);
    }
}
