namespace Ticketing.Domain.Accounts;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Organizer = "Organizer";
    public const string Staff = "Staff";
    public const string Customer = "Customer";

    public static IReadOnlyList<string> All { get; } = [Admin, Organizer, Staff, Customer];
}
