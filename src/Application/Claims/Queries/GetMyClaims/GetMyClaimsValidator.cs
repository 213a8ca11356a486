using FluentValidation;
using Ticketing.Application.Common.Models;

namespace Ticketing.Application.Claims.Queries.GetMyClaims;

public sealed class GetMyClaimsQueryValidator : AbstractValidator<GetMyClaimsQuery>
{
    public GetMyClaimsQueryValidator() => this.AddPagingRules(x => x.Page, x => x.PageSize);
}
