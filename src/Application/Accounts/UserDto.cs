using Ticketing.Application.Common.Models;

namespace Ticketing.Application.Accounts;

public sealed record UserDto(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles)
{
    public static UserDto From(UserSummary user) => new(user.Id, user.Email, user.DisplayName, user.Roles);
}
