using Microsoft.EntityFrameworkCore;
using Npgsql;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Domain.Common;
using Ticketing.Infrastructure.Data.Configurations;

namespace Ticketing.Infrastructure.Data;

/// <summary>
/// Where the database, not the code, enforces a business rule (so that races cannot slip through), its refusal
/// becomes the same error the code would have given.
/// </summary>
internal static class ConstraintViolations
{
    private static readonly Dictionary<string, (ErrorCode Code, string Message)> Known = new(StringComparer.Ordinal)
    {
        [EventConfiguration.VenueScheduleConstraint] =
            (Errors.ScheduleConflict, "Another published event uses this venue at an overlapping time."),
        [QueueEntryConfiguration.ActiveEntryIndex] =
            (Errors.AlreadyQueued, "You are already in this event's queue."),

        // Identity's unique user name, which is the email: two sign-ups for one new address at the same moment.
        ["UserNameIndex"] = (Errors.DuplicateEmail, "An account with this email already exists."),
    };

    public static Exception? Translate(DbUpdateException exception) =>
        exception.InnerException is PostgresException { ConstraintName: { } name } && Known.TryGetValue(name, out var known)
            ? new ConflictException(known.Code, known.Message)
            : null;
}
