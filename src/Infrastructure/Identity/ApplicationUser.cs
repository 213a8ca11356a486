using Microsoft.AspNetCore.Identity;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Common;

namespace Ticketing.Infrastructure.Identity;

public sealed class ApplicationUser : IdentityUser<Guid>, IHasDomainEvents
{
    private readonly List<IDomainEvent> _domainEvents = [];

    private ApplicationUser()
    {
    }

    public string DisplayName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyCollection<IDomainEvent> DomainEvents => _domainEvents.AsReadOnly();

    /// <summary>A new account; its <see cref="UserRegisteredEvent"/> is saved to the outbox with the user row.</summary>
    public static ApplicationUser Register(string email, string displayName, DateTimeOffset now)
    {
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            DisplayName = displayName,
            CreatedAt = now,
        };
        user._domainEvents.Add(new UserRegisteredEvent(user.Id, email, displayName));
        return user;
    }

    public void ClearDomainEvents() => _domainEvents.Clear();
}
