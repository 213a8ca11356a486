using MediatR;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Payments.Queries.GetMoneyAudit;

/// <summary>The money audit as of now, for an admin: totals per currency and provider, drifting payments, refunds in flight.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record GetMoneyAuditQuery : IRequest<MoneyAuditDto>;

public sealed class GetMoneyAuditQueryHandler(MoneyAudit audit) : IRequestHandler<GetMoneyAuditQuery, MoneyAuditDto>
{
    public Task<MoneyAuditDto> Handle(GetMoneyAuditQuery request, CancellationToken cancellationToken) => audit.RunAsync(cancellationToken);
}
