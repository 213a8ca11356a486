using MediatR;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Audit;

namespace Ticketing.Application.Audit.Queries.GetAuditLog;

/// <summary>The audit log, newest first, filtered by time, kind, action and user.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record GetAuditLogQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    AuditKind? Kind = null,
    string? Action = null,
    Guid? UserId = null,
    int Page = 1,
    int PageSize = PageRequest.DefaultPageSize) : IRequest<PaginatedList<AuditEntryDto>>;

public sealed record AuditEntryDto(
    Guid Id, DateTimeOffset OccurredAt, AuditKind Kind, string Action, Guid? UserId, string? Subject, string? Details, string? Path, string? IpAddress, int? Status);

public sealed class GetAuditLogQueryHandler(IApplicationDbContext context) : IRequestHandler<GetAuditLogQuery, PaginatedList<AuditEntryDto>>
{
    public Task<PaginatedList<AuditEntryDto>> Handle(GetAuditLogQuery request, CancellationToken cancellationToken)
    {
        var entries = context.AuditEntries.AsQueryable();
        if (request.From is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }

        if (request.To is { } to)
        {
            entries = entries.Where(e => e.OccurredAt <= to);
        }

        if (request.Kind is { } kind)
        {
            entries = entries.Where(e => e.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(request.Action))
        {
            entries = entries.Where(e => e.Action == request.Action);
        }

        if (request.UserId is { } userId)
        {
            entries = entries.Where(e => e.UserId == userId);
        }

        return PaginatedList<AuditEntryDto>.CreateAsync(
            entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
                .Select(e => new AuditEntryDto(e.Id, e.OccurredAt, e.Kind, e.Action, e.UserId, e.Subject, e.Details, e.Path, e.IpAddress, e.Status)),
            request.Page,
            request.PageSize,
            cancellationToken);
    }
}
