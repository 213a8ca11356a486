using System.Collections.Concurrent;
using MediatR;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Common.Events;

/// <summary>
/// Publishes a domain event whose type is only known at run time (read back from the outbox) to the
/// handlers of <see cref="DomainEventNotification{TEvent}"/>.
/// </summary>
public sealed class DomainEventPublisher(IMediator mediator)
{
    private static readonly ConcurrentDictionary<Type, Func<IMediator, IDomainEvent, CancellationToken, Task>> Publishers = new();

    public Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken) =>
        Publishers.GetOrAdd(domainEvent.GetType(), CreatePublisher)(mediator, domainEvent, cancellationToken);

    private static Func<IMediator, IDomainEvent, CancellationToken, Task> CreatePublisher(Type eventType)
    {
        var method = typeof(DomainEventPublisher)
            .GetMethod(nameof(Publish), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(eventType);
        return method.CreateDelegate<Func<IMediator, IDomainEvent, CancellationToken, Task>>();
    }

    private static Task Publish<TEvent>(IMediator mediator, IDomainEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent =>
        mediator.Publish(new DomainEventNotification<TEvent>((TEvent)domainEvent), cancellationToken);
}
