namespace Ticketing.Application.Common.Models;

public sealed record UserSummary(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles);
