using System.Net;
using System.Text.Json;

namespace Ticketing.IntegrationTests.Infrastructure;

public static class ProblemAssertions
{
    /// <summary>Asserts an RFC 9457 body with the status, the stable code and the response's request id; returns it.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.GetProperty("code").GetString().ShouldBe(code, body);
        var requestId = response.Headers.GetValues("X-Request-Id").Single();
        problem.GetProperty("requestId").GetString().ShouldBe(requestId);
        return problem;
    }
}
