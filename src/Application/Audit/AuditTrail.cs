using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Audit;

namespace Ticketing.Application.Audit;

/// <summary>Records a privileged action in the caller's unit of work, so it commits exactly when the action does.</summary>
public sealed class AuditTrail(IApplicationDbContext context, ICurrentUser currentUser, TimeProvider timeProvider)
{
    public void Record(string action, object subject, string? details = null) =>
        context.AuditEntries.Add(AuditEntry.Privileged(action, currentUser.UserId, subject.ToString()!, details, currentUser.IpAddress, timeProvider.GetUtcNow()));
}
