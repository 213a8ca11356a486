using FluentValidation;

namespace Ticketing.Application.Reports.Queries.GetRevenueReport;

public sealed class GetRevenueReportQueryValidator : AbstractValidator<GetRevenueReportQuery>
{
    public GetRevenueReportQueryValidator()
    {
        RuleFor(x => x.To).GreaterThan(x => x.From).When(x => x.From is not null && x.To is not null);
        RuleFor(x => x.GroupBy).Must((query, _) => query.Grouping is not null).WithMessage("Group by event, day or method.");
    }
}
