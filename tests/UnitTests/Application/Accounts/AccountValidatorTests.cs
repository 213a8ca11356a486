using Ticketing.Application.Accounts.Commands.Register;
using Ticketing.Application.Users.Commands.CreateUser;

namespace Ticketing.UnitTests.Application.Accounts;

public sealed class AccountValidatorTests
{
    private readonly RegisterCommandValidator _register = new();
    private readonly CreateUserCommandValidator _createUser = new();

    [Theory]
    [InlineData("fan@example.com", "eight chr", "Fan")]
    [InlineData("fan+tag@example.co.uk", "a much longer passphrase with spaces", "Fan Name")]
    public void Acceptable_registrations_pass(string email, string password, string displayName) =>
        _register.Validate(new RegisterCommand(email, password, displayName)).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("", "Email")]
    [InlineData("no-at-sign", "Email")]
    public void The_email_must_look_like_one(string email, string field) =>
        _register.Validate(new RegisterCommand(email, "long enough", "Fan")).Errors.ShouldContain(e => e.PropertyName == field);

    [Theory]
    [InlineData("seven77")]
    [InlineData("")]
    public void Passwords_shorter_than_eight_are_refused(string password) =>
        _register.Validate(new RegisterCommand("fan@example.com", password, "Fan")).Errors.ShouldContain(e => e.PropertyName == "Password");

    [Fact]
    public void Passwords_longer_than_128_are_refused() =>
        _register.Validate(new RegisterCommand("fan@example.com", new string('p', 129), "Fan")).Errors.ShouldContain(e => e.PropertyName == "Password");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_display_name_is_refused(string displayName) =>
        _register.Validate(new RegisterCommand("fan@example.com", "long enough", displayName)).Errors.ShouldContain(e => e.PropertyName == "DisplayName");

    [Theory]
    [InlineData("Organizer", true)]
    [InlineData("staff", true)]
    [InlineData("Wizard", false)]
    [InlineData("", false)]
    public void Only_known_roles_can_be_given(string role, bool valid) =>
        _createUser.Validate(new CreateUserCommand("org@example.com", "long enough", "Org", role)).IsValid.ShouldBe(valid);
}
