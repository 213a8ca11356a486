using Microsoft.EntityFrameworkCore;
using Npgsql;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Common;

namespace Ticketing.Infrastructure.Data;

/// <summary>
/// The database's refusals that are the client's to hear. Rules a named constraint guards are translated where the
/// save happens (<see cref="ConstraintViolations"/>); what reaches here is generic.
/// </summary>
internal sealed class DatabaseErrors : IDatabaseErrors
{
    public DatabaseRefusal? Explain(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => new(
            Errors.ConcurrencyConflict, "The resource was changed by another request. Reload it and try again."),
        DbUpdateException { InnerException: PostgresException inner } => Explain(inner),

        // Raw statements (ExecuteSql, SqlQuery) raise Npgsql's exception unwrapped; a duplicate is the client's conflict.
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => new(
            Errors.Conflict, "The request conflicts with something that already exists."),

        // PostgreSQL text cannot hold U+0000; whatever carried it, the client sent it.
        PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter } => new(
            Errors.MalformedRequest, "The request contains a NUL character (\\u0000), which no text field accepts."),
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } => new(
            Errors.ConcurrencyConflict, "The request collided with another one. Try again."),
        _ => null,
    };
}
