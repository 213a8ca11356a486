using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Application.Bookings;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Payments;
using Ticketing.Application.Wallets;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Payments;

public sealed class BookingAndWalletTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    [Fact]
    public async Task A_booking_is_seen_by_its_customer_its_organizer_and_admins_only_and_its_tickets_render_as_QR()
    {
        var organizer = await CreateUserAsync("Organizer");
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Now.AddDays(2), Now.AddHours(-1)));
        await organizer.Client.PublishAsync(created.Id);
        var customer = await CreateUserAsync();
        await Factory.FundWalletAsync(customer.Id, 10_000);
        var claim = await customer.Client.ClaimOkAsync(created.Id, created.TicketTypes[0].Id, 1);
        await customer.Client.PayAsync(claim.Id, "Wallet");
        var booking = (await customer.Client.GetFromJsonAsync<JsonElement>("/api/me/bookings")).GetProperty("items")[0].Deserialize<BookingDto>(ApiJson.Options)!;
        var ticket = booking.Tickets.Single();

        (await organizer.Client.GetFromJsonAsync<BookingDto>($"/api/bookings/{booking.Id}", ApiJson.Options))!.HolderName.ShouldBe("Test Customer");
        (await (await CreateUserAsync("Admin")).Client.GetAsync($"/api/bookings/{booking.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stranger = await CreateUserAsync();
        await (await stranger.Client.GetAsync($"/api/bookings/{booking.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await stranger.Client.GetAsync($"/api/tickets/{ticket.Id}/qr")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await (await CreateUserAsync("Organizer")).Client.GetAsync($"/api/bookings/{booking.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");

        var qr = await customer.Client.GetAsync($"/api/tickets/{ticket.Id}/qr");
        qr.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await qr.Content.ReadAsByteArrayAsync()).Take(4).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        booking.EventTitle.ShouldBe("Concert");
    }

    [Fact]
    public async Task Ticket_codes_verify_without_a_lookup_and_cannot_be_forged()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var codes = scope.ServiceProvider.GetRequiredService<ITicketCodes>();
        var ticketId = Guid.CreateVersion7();

        var code = codes.Issue(ticketId);

        codes.Read(code).ShouldBe(ticketId);
        codes.Read(code[..^2] + (code[^2..] == "AA" ? "BB" : "AA")).ShouldBeNull();
        var other = codes.Issue(Guid.CreateVersion7()).Split('.');
        codes.Read($"{other[0]}.{code.Split('.')[1]}.{other[2]}").ShouldBeNull("another ticket's signature must not validate this id");
        codes.Read("not a code").ShouldBeNull();
    }

    [Fact]
    public async Task A_top_up_is_credited_once_when_its_webhook_arrives_however_often()
    {
        var customer = await CreateUserAsync();
        (await customer.Client.GetFromJsonAsync<WalletDto>("/api/me/wallet", ApiJson.Options))!.ShouldBe(new WalletDto(0.00m, "USD"));

        var response = await WithIdempotencyKey(customer).PostAsJsonAsync("/api/me/wallet/top-ups", new { amount = 40.00m });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var payment = (await response.Content.ReadFromJsonAsync<PaymentDto>(ApiJson.Options))!;
        payment.CheckoutUrl.ShouldNotBeNull();

        for (var i = 0; i < 3; i++)
        {
            await Anonymous().SendWebhookAsync("charge.success", payment.Reference, 4000, id: 4242);
        }

        (await customer.Client.GetFromJsonAsync<WalletDto>("/api/me/wallet", ApiJson.Options))!.ShouldBe(new WalletDto(40.00m, "USD"));
        var ledger = await customer.Client.GetFromJsonAsync<JsonElement>("/api/me/wallet/transactions");
        ledger.GetProperty("totalCount").GetInt32().ShouldBe(1);
        ledger.GetProperty("items")[0].GetProperty("reason").GetString().ShouldBe("Top-up");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10.005)]
    public async Task A_top_up_must_be_a_positive_amount_in_the_currency_s_precision(decimal amount)
    {
        var customer = await CreateUserAsync();

        var response = await WithIdempotencyKey(customer).PostAsJsonAsync("/api/me/wallet/top-ups", new { amount });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    private HttpClient WithIdempotencyKey(TestUser user)
    {
        var client = WithToken(user.Tokens.AccessToken);
        client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return client;
    }
}
