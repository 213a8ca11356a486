using Ticketing.Application.Accounts.Commands.ChangePassword;
using Ticketing.Application.Accounts.Commands.ForgotPassword;
using Ticketing.Application.Accounts.Commands.RequestOtp;
using Ticketing.Application.Accounts.Commands.ResetPassword;
using Ticketing.Application.Accounts.Commands.VerifyOtp;

namespace Ticketing.UnitTests.Application.Accounts;

public sealed class AccountSecurityValidatorTests
{
    [Theory]
    [InlineData("042137", true)]
    [InlineData(" 042137 ", true)]
    [InlineData("42137", false)]
    [InlineData("0421370", false)]
    [InlineData("04213a", false)]
    [InlineData("", false)]
    public void A_code_is_six_digits(string code, bool valid) =>
        new VerifyOtpCommandValidator().Validate(new VerifyOtpCommand("fan@example.com", code)).IsValid.ShouldBe(valid);

    [Theory]
    [InlineData("fan@example.com", true)]
    [InlineData("no-at-sign", false)]
    [InlineData("", false)]
    public void Codes_and_resets_are_asked_for_an_email_address(string email, bool valid)
    {
        new RequestOtpCommandValidator().Validate(new RequestOtpCommand(email)).IsValid.ShouldBe(valid);
        new ForgotPasswordCommandValidator().Validate(new ForgotPasswordCommand(email)).IsValid.ShouldBe(valid);
    }

    [Theory]
    [InlineData("seven77", false)]
    [InlineData("eight chr", true)]
    public void A_new_password_follows_the_registration_rules(string newPassword, bool valid)
    {
        new ResetPasswordCommandValidator().Validate(new ResetPasswordCommand("fan@example.com", "token", newPassword))
            .Errors.Any(e => e.PropertyName == "NewPassword").ShouldBe(!valid);
        new ChangePasswordCommandValidator().Validate(new ChangePasswordCommand("current one", newPassword))
            .Errors.Any(e => e.PropertyName == "NewPassword").ShouldBe(!valid);
    }

    [Fact]
    public void A_reset_needs_a_token_and_a_change_the_current_password()
    {
        new ResetPasswordCommandValidator().Validate(new ResetPasswordCommand("fan@example.com", "", "long enough"))
            .Errors.ShouldContain(e => e.PropertyName == "Token");
        new ChangePasswordCommandValidator().Validate(new ChangePasswordCommand("", "long enough"))
            .Errors.ShouldContain(e => e.PropertyName == "CurrentPassword");
    }
}
