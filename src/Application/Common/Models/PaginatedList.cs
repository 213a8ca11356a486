using Microsoft.EntityFrameworkCore;

namespace Ticketing.Application.Common.Models;

/// <summary>One page of a list, in the shape api.md gives every list: items, page, pageSize, totalCount, totalPages.</summary>
public sealed class PaginatedList<T>
{
    public PaginatedList(IReadOnlyList<T> items, int totalCount, int page, int pageSize)
    {
        Items = items;
        TotalCount = totalCount;
        Page = page;
        PageSize = pageSize;
        TotalPages = (int)Math.Ceiling(totalCount / (double)pageSize);
    }

    public IReadOnlyList<T> Items { get; }

    public int Page { get; }

    public int PageSize { get; }

    public int TotalCount { get; }

    public int TotalPages { get; }

    public static async Task<PaginatedList<T>> CreateAsync(
        IQueryable<T> source, int page, int pageSize, CancellationToken cancellationToken)
    {
        var count = await source.CountAsync(cancellationToken);
        var items = await source.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PaginatedList<T>(items, count, page, pageSize);
    }
}
