using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Application.Outbox.Commands.DispatchOutbox;

namespace Ticketing.IntegrationTests.Infrastructure;

/// <summary>Sign-in codes and password resets as a client app drives them, and the mail the Worker would send.</summary>
public static partial class AccountsApi
{
    public const string CodeSubject = "Your Ticketing sign-in code";
    public const string ResetSubject = "Reset your Ticketing password";

    public static Task<HttpResponseMessage> RequestOtpAsync(this HttpClient client, string email) =>
        client.PostAsJsonAsync("/api/auth/otp/request", new { email });

    public static Task<HttpResponseMessage> VerifyOtpAsync(this HttpClient client, string email, string code) =>
        client.PostAsJsonAsync("/api/auth/otp/verify", new { email, code });

    public static Task<HttpResponseMessage> ForgotPasswordAsync(this HttpClient client, string email) =>
        client.PostAsJsonAsync("/api/auth/password/forgot", new { email });

    public static Task<HttpResponseMessage> ResetPasswordAsync(this HttpClient client, string email, string token, string newPassword) =>
        client.PostAsJsonAsync("/api/auth/password/reset", new { email, token, newPassword });

    public static Task<HttpResponseMessage> ChangePasswordAsync(this HttpClient client, string currentPassword, string newPassword) =>
        client.PostAsJsonAsync("/api/auth/password/change", new { currentPassword, newPassword });

    /// <summary>Delivers what the outbox holds, as the Worker would, and returns the number of messages delivered.</summary>
    public static async Task<int> DeliverMailAsync(this TicketingApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DispatchOutboxCommand());
    }

    /// <summary>Bodies of the messages with <paramref name="subject"/> in the development mailbox of <paramref name="to"/>.</summary>
    public static async Task<IReadOnlyList<string>> MailAsync(this HttpClient client, string to, string subject)
    {
        var mailbox = await client.GetFromJsonAsync<JsonElement>($"/dev/mailbox?to={Uri.EscapeDataString(to)}");
        return mailbox.EnumerateArray()
            .Where(m => m.GetProperty("subject").GetString() == subject)
            .Select(m => m.GetProperty("body").GetString()!)
            .ToList();
    }

    /// <summary>Asks for a sign-in code and reads it from the email that brings it.</summary>
    public static async Task<string> ObtainCodeAsync(this TicketingApiFactory factory, string email)
    {
        var client = factory.CreateClient();
        var seen = (await client.MailAsync(email, CodeSubject)).ToHashSet();
        var response = await client.RequestOtpAsync(email);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        await factory.DeliverMailAsync();
        var body = (await client.MailAsync(email, CodeSubject)).Except(seen).ShouldHaveSingleItem();
        return CodeInMail().Match(body).Groups["code"].Value;
    }

    /// <summary>Asks for a reset token and reads it from the email that brings it.</summary>
    public static async Task<string> ObtainResetTokenAsync(this TicketingApiFactory factory, string email)
    {
        var client = factory.CreateClient();
        var seen = (await client.MailAsync(email, ResetSubject)).ToHashSet();
        var response = await client.ForgotPasswordAsync(email);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        await factory.DeliverMailAsync();
        var body = (await client.MailAsync(email, ResetSubject)).Except(seen).ShouldHaveSingleItem();
        return TokenInMail().Match(body).Groups["token"].Value;
    }

    /// <summary>A six-digit code that is not <paramref name="code"/>.</summary>
    public static string WrongCode(string code) => ((int.Parse(code) + 1) % 1_000_000).ToString("D6");

    [GeneratedRegex(@"sign-in code is (?<code>\d{6})")]
    private static partial Regex CodeInMail();

    [GeneratedRegex(@"reset token:\s+(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex TokenInMail();
}
