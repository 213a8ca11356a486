using System.Net;
using System.Net.Http.Json;
using Ticketing.Application.ApiKeys;

namespace Ticketing.IntegrationTests.Infrastructure;

/// <summary>API keys issued through the API, as an Admin's console would.</summary>
public static class ApiKeysApi
{
    public static async Task<IssuedApiKeyDto> IssueApiKeyAsync(this HttpClient admin, string name = "web shop")
    {
        var response = await admin.PostAsJsonAsync("/api/admin/api-keys", new { name });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<IssuedApiKeyDto>(ApiJson.Options))!;
    }
}
