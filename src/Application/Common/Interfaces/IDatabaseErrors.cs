using Ticketing.Domain.Common;

namespace Ticketing.Application.Common.Interfaces;

/// <summary>
/// What a database refusal means to the client, where it means something: a duplicate, a collision with another
/// transaction, text PostgreSQL cannot store. The database's exception types stay in Infrastructure.
/// </summary>
public interface IDatabaseErrors
{
    /// <summary>The refusal to answer with, or null when the exception is not the client's doing (a bug: 500).</summary>
    DatabaseRefusal? Explain(Exception exception);
}

public sealed record DatabaseRefusal(ErrorCode Code, string Detail);
