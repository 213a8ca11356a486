using FluentValidation;
using Ticketing.Application.Common.Models;

namespace Ticketing.Application.Venues.Queries.GetVenues;

public sealed class GetVenuesQueryValidator : AbstractValidator<GetVenuesQuery>
{
    public GetVenuesQueryValidator() => this.AddPagingRules(x => x.Page, x => x.PageSize);
}
