using FluentValidation;
using Ticketing.Application.Common.Models;

namespace Ticketing.Application.Users.Queries.GetUsers;

public sealed class GetUsersQueryValidator : AbstractValidator<GetUsersQuery>
{
    public GetUsersQueryValidator()
    {
        this.AddPagingRules(x => x.Page, x => x.PageSize);
        RuleFor(x => x.Search).MaximumLength(256);
    }
}
