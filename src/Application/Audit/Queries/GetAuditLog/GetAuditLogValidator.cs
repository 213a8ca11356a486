using FluentValidation;
using Ticketing.Application.Common.Models;

namespace Ticketing.Application.Audit.Queries.GetAuditLog;

public sealed class GetAuditLogQueryValidator : AbstractValidator<GetAuditLogQuery>
{
    public GetAuditLogQueryValidator()
    {
        this.AddPagingRules(x => x.Page, x => x.PageSize);
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null);
        RuleFor(x => x.Action).MaximumLength(100);
    }
}
