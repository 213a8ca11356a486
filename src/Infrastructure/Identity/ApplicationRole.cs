using Microsoft.AspNetCore.Identity;

namespace Ticketing.Infrastructure.Identity;

public sealed class ApplicationRole : IdentityRole<Guid>
{
    public ApplicationRole()
    {
    }

    public ApplicationRole(Guid id, string name)
        : base(name)
    {
        Id = id;
        NormalizedName = name.ToUpperInvariant();
        ConcurrencyStamp = id.ToString();
    }
}
