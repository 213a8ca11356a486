using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Operations;

public sealed class AuditLogTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Privileged_actions_are_in_the_audit_log_with_who_did_them_and_only_admins_read_it()
    {
        var admin = await CreateUserAsync("Admin");
        var organizer = await CreateUserAsync("Organizer");
        var customer = await CreateUserAsync();
        var target = await CreateUserAsync();
        await admin.Client.PutAsJsonAsync($"/api/admin/users/{target.Id}/roles", new { roles = new[] { "Staff" } });
        var created = await organizer.Client.CreateEventAsync(CatalogueApi.GeneralAdmission(Clock.GetUtcNow().AddDays(2), Clock.GetUtcNow()));
        await organizer.Client.PostAsync($"/api/events/{created.Id}/cancel", null);

        var log = await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/audit-log?kind=Privileged");

        var entries = log.GetProperty("items").EnumerateArray().ToList();
        entries.Select(e => e.GetProperty("action").GetString()).ShouldBe(["event.cancelled", "role.changed"]);
        entries[1].GetProperty("userId").GetGuid().ShouldBe(admin.Id);
        entries[1].GetProperty("subject").GetString().ShouldBe(target.Id.ToString());
        entries[1].GetProperty("details").GetString().ShouldBe("roles: Staff");
        entries[0].GetProperty("userId").GetGuid().ShouldBe(organizer.Id);
        (await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/audit-log?action=role.changed")).GetProperty("totalCount").GetInt32().ShouldBe(1);
        await (await customer.Client.GetAsync("/api/admin/audit-log")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task What_an_organizer_does_to_venues_events_and_their_door_is_in_the_audit_log()
    {
        var admin = await CreateUserAsync("Admin");
        var organizer = await CreateUserAsync("Organizer");
        var staff = await CreateUserAsync("Staff");
        var venue = await organizer.Client.CreateVenueAsync("Audited Hall");
        var input = CatalogueApi.GeneralAdmission(Clock.GetUtcNow().AddDays(2), Clock.GetUtcNow().AddHours(1));
        var created = await organizer.Client.CreateEventAsync(input);
        (await organizer.Client.PutAsJsonAsync($"/api/events/{created.Id}", input)).EnsureSuccessStatusCode();
        await organizer.Client.PublishAsync(created.Id);
        (await organizer.Client.PutAsJsonAsync($"/api/events/{created.Id}/staff", new { userIds = new[] { staff.Id } })).EnsureSuccessStatusCode();

        var entries = (await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/audit-log?kind=Privileged"))
            .GetProperty("items").EnumerateArray().ToList();

        entries.Select(e => e.GetProperty("action").GetString()).ShouldBe(["event.staff-assigned", "event.published", "event.updated", "venue.created"]);
        entries.ShouldAllBe(e => e.GetProperty("userId").GetGuid() == organizer.Id);
        entries[0].GetProperty("subject").GetString().ShouldBe(created.Id.ToString());
        entries[0].GetProperty("details").GetString().ShouldBe($"staff: {staff.Id}");
        entries[2].GetProperty("details").GetString()!.ShouldEndWith("while Draft");
        entries[3].GetProperty("subject").GetString().ShouldBe(venue.Id.ToString());
    }
}
