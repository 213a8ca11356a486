namespace Ticketing.Domain.Common;

/// <summary>
/// Marks a consistency boundary. Aggregates are saved with optimistic concurrency (PostgreSQL xmin), so two
/// writers that both loaded the same version cannot both win.
/// </summary>
public interface IAggregateRoot;
