using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Application.Payments;
using Ticketing.Application.Queue.Commands.AdmitFromQueue;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Security;

/// <summary>
/// A customer's whole day — passwords, tokens, codes, the signed admission and ticket, the provider's signed notice —
/// and then every line the API logged: none holds a secret a reader of the logs could use (issue 19).
/// </summary>
public sealed class LogsHoldNoSecretsTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task No_log_line_holds_a_password_token_code_or_signing_key()
    {
        var secrets = new List<string>();
        var configuration = Factory.Services.GetRequiredService<IConfiguration>();
        secrets.AddRange(new[] { "Jwt:SigningKey", "Queue:AdmissionTokenKey", "Tickets:CodeSigningKey", "Payments:Simulated:SecretKey" }
            .Select(key => configuration[key]).OfType<string>());
        secrets.Count.ShouldBe(4);

        var organizer = await CreateUserAsync("Organizer");
        var sale = await organizer.Client.CreateEventAsync(SellingApi.Queued(Clock.GetUtcNow().AddDays(2), Clock.GetUtcNow().AddHours(-1), 10));
        await organizer.Client.PublishAsync(sale.Id);

        var customer = await CreateUserAsync();
        secrets.AddRange([Password, customer.Tokens.AccessToken, customer.Tokens.RefreshToken]);
        var refreshed = await (await Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = customer.Tokens.RefreshToken }))
            .Content.ReadFromJsonAsync<JsonElement>();
        secrets.AddRange([refreshed.GetProperty("accessToken").GetString()!, refreshed.GetProperty("refreshToken").GetString()!]);
        var client = WithToken(refreshed.GetProperty("accessToken").GetString()!);

        // Browsers cannot set headers on WebSockets: the live hub's token travels in the query string.
        (await Anonymous().PostAsync($"/hubs/live/negotiate?negotiateVersion=1&access_token={refreshed.GetProperty("accessToken").GetString()}", null))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await client.JoinQueueAsync(sale.Id);
        await SendAsync(new AdmitFromQueueCommand());
        var admission = (await client.PollQueueAsync(sale.Id)).Admission!.Token;
        secrets.Add(admission);
        var claim = await client.ClaimOkAsync(sale.Id, sale.TicketTypes[0].Id, 1, admission);
        var payment = (await (await client.PayAsync(claim.Id, "Card")).Content.ReadFromJsonAsync<PaymentDto>(ApiJson.Options))!;
        // The provider speaks in minor units; the event is in USD.
        (await Anonymous().SendWebhookAsync("charge.success", payment.Reference, (long)(payment.CardAmount * 100))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var bookings = await client.GetFromJsonAsync<JsonElement>("/api/me/bookings");
        secrets.AddRange(bookings.GetProperty("items")[0].GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("code").GetString()!));

        secrets.Add(await Factory.ObtainCodeAsync(customer.Email));
        secrets.Add(await Factory.ObtainResetTokenAsync(customer.Email));
        const string newPassword = "An0ther-long-passphrase";
        (await Anonymous().ResetPasswordAsync(customer.Email, secrets[^1], newPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        secrets.Add(newPassword);

        var lines = Factory.Logs.Events
            .Select(e => string.Join(" | ", [e.RenderMessage(null), .. e.Properties.Select(p => p.Value.ToString()), e.Exception?.ToString() ?? ""]))
            .ToList();
        lines.ShouldNotBeEmpty();
        foreach (var secret in secrets.Where(s => s.Length >= 6))
        {
            lines.Where(l => l.Contains(secret, StringComparison.Ordinal)).ShouldBeEmpty($"a log line holds a secret starting {secret[..4]}…");
        }
    }
}
