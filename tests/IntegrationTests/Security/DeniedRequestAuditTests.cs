using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Security;

public sealed class DeniedRequestAuditTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_caller_refused_an_admin_route_is_recorded_with_their_id()
    {
        var customer = await CreateUserAsync();
        var admin = await CreateUserAsync("Admin");

        await (await customer.Client.GetAsync("/api/admin/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        var log = await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/audit-log?kind=Denied");
        var entry = log.GetProperty("items").EnumerateArray().Single();
        entry.GetProperty("action").GetString().ShouldBe("request.denied.forbidden");
        entry.GetProperty("userId").GetGuid().ShouldBe(customer.Id);
        entry.GetProperty("path").GetString().ShouldBe("/api/admin/users");
        entry.GetProperty("status").GetInt32().ShouldBe(403);
        entry.GetProperty("details").GetString().ShouldBe("method: GET");
        entry.GetProperty("occurredAt").GetDateTimeOffset().ShouldBe(Clock.GetUtcNow(), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task An_organizer_acting_on_someone_elses_event_is_recorded_too()
    {
        var owner = await CreateUserAsync("Organizer");
        var intruder = await CreateUserAsync("Organizer");
        var created = await owner.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Clock.GetUtcNow().AddDays(2), Clock.GetUtcNow()));
        await owner.Client.PublishAsync(created.Id);

        await (await intruder.Client.PostAsync($"/api/events/{created.Id}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        (await ScalarAsync<Guid>("SELECT user_id FROM audit_log WHERE action = 'request.denied.forbidden' AND path = @path", ("path", $"/api/events/{created.Id}/cancel")))
            .ShouldBe(intruder.Id);
    }

    [Fact]
    public async Task Refused_tokens_and_other_403_answers_are_not_recorded()
    {
        var expired = Anonymous();
        expired.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not.a.token");

        await (await expired.GetAsync("/api/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");
        await (await Anonymous().GetAsync("/api/admin/users")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHENTICATED");

        (await ScalarAsync<long>("SELECT count(*) FROM audit_log")).ShouldBe(0);
    }
}
