namespace Ticketing.Domain.Common;

public abstract class Entity : IHasDomainEvents
{
    private readonly List<IDomainEvent> _domainEvents = [];

    // UUIDv7: time-ordered, so new rows append to the primary-key index instead of scattering.
    public Guid Id { get; protected init; } = Guid.CreateVersion7();

    public IReadOnlyCollection<IDomainEvent> DomainEvents => _domainEvents.AsReadOnly();

    protected void AddDomainEvent(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => _domainEvents.Clear();
}
