using MediatR;
using Ticketing.Domain.Common;

namespace Ticketing.Application.Common.Events;

/// <summary>Carries a domain event through MediatR, so the Domain needs no MediatR reference.</summary>
public sealed record DomainEventNotification<TEvent>(TEvent DomainEvent) : INotification
    where TEvent : IDomainEvent;
