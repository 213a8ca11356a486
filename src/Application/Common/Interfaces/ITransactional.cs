namespace Ticketing.Application.Common.Interfaces;

/// <summary>
/// A command whose handler runs in one unit of work: <see cref="Behaviours.TransactionBehaviour{TRequest,TResponse}"/>
/// begins it before the handler and commits after it, or rolls back when it throws. Handlers that need several
/// transactions, or work outside one (a gateway call, a hot path that must not hold one), open their own.
/// </summary>
public interface ITransactional;
