using Ticketing.Domain.Common;

namespace Ticketing.Domain.Audit;

/// <summary>
/// A record of something an operator must be able to answer for: a privileged action (who did what to what), or a
/// denied request (what was asked, from where, by whom). Append-only.
/// </summary>
public sealed class AuditEntry : Entity
{
    private AuditEntry()
    {
        Action = string.Empty;
    }

    public DateTimeOffset OccurredAt { get; private set; }

    public AuditKind Kind { get; private set; }

    /// <summary>A stable name: role.changed, event.cancelled, booking.cancelled, box-office.sale, api-key.issued, request.denied …</summary>
    public string Action { get; private set; }

    public Guid? UserId { get; private set; }

    /// <summary>What it was done to: a user, event, booking or key id.</summary>
    public string? Subject { get; private set; }

    public string? Details { get; private set; }

    public string? Path { get; private set; }

    public string? IpAddress { get; private set; }

    public int? Status { get; private set; }

    public static AuditEntry Privileged(string action, Guid? userId, string subject, string? details, string? ipAddress, DateTimeOffset now) =>
        new() { OccurredAt = now, Kind = AuditKind.Privileged, Action = action, UserId = userId, Subject = subject, Details = details, IpAddress = ipAddress };

    public static AuditEntry Denied(string action, string path, int status, Guid? userId, string? ipAddress, string? details, DateTimeOffset now) =>
        new() { OccurredAt = now, Kind = AuditKind.Denied, Action = action, Path = path, Status = status, UserId = userId, IpAddress = ipAddress, Details = details };
}

public enum AuditKind
{
    Privileged,
    Denied,
}
