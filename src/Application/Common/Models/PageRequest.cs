using FluentValidation;

namespace Ticketing.Application.Common.Models;

public static class PageRequest
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The last page any list can have: (page - 1) × pageSize must stay an int, the row offset.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    /// <summary>The paging rules every list query shares.</summary>
    public static void AddPagingRules<T>(this AbstractValidator<T> validator, Func<T, int> page, Func<T, int> pageSize)
    {
        validator.RuleFor(x => page(x)).InclusiveBetween(1, MaxPage).OverridePropertyName("page");
        validator.RuleFor(x => pageSize(x)).InclusiveBetween(1, MaxPageSize).OverridePropertyName("pageSize");
    }
}
