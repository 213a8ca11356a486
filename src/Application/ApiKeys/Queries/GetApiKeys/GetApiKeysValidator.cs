using FluentValidation;
using Ticketing.Application.Common.Models;

namespace Ticketing.Application.ApiKeys.Queries.GetApiKeys;

public sealed class GetApiKeysQueryValidator : AbstractValidator<GetApiKeysQuery>
{
    public GetApiKeysQueryValidator() => this.AddPagingRules(x => x.Page, x => x.PageSize);
}
