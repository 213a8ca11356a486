using FluentValidation;
using Ticketing.Application.Common.Models;

namespace Ticketing.Application.Events.Queries.GetEvents;

public sealed class GetEventsQueryValidator : AbstractValidator<GetEventsQuery>
{
    public GetEventsQueryValidator()
    {
        this.AddPagingRules(x => x.Page, x => x.PageSize);
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("'To' must not be before 'From'.");
        RuleFor(x => x.State).IsInEnum();
    }
}
