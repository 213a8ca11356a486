using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ticketing.Bench;

/// <summary>
/// One HTTP request at a time per call, at most <c>--concurrency</c> in flight over all virtual users. The latency
/// recorded is the request's own, from sending to the last byte of the answer: time spent waiting for a free slot
/// belongs to the load generator, not to the system.
/// </summary>
public sealed class ApiClient(HttpClient http, SemaphoreSlim slots, Metrics metrics)
{
    /// <summary>The status of an answer to a request that was not sent: its deadline passed in the runner's queue.</summary>
    public const int Lapsed = -1;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// Connections from as many loopback source addresses as there may be connections (<see cref="LoopbackSources"/>):
    /// fans come from many addresses, and anonymous requests are rate-limited per address.
    /// </summary>
    public static HttpClient CreateHttpClient(Uri baseAddress, int concurrency) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            ConnectCallback = LoopbackSources.Rotating(block: 1, concurrency),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>The same connections and slots, counting into other metrics (setup versus the timed phase).</summary>
    public ApiClient CountingInto(Metrics other) => new(http, slots, other);

    /// <param name="token">The caller's access token; null for an anonymous request.</param>
    public Task<Answer<T>> GetAsync<T>(string endpoint, string path, string? token, CancellationToken cancellationToken) =>
        SendAsync<T>(endpoint, () => Request(HttpMethod.Get, path, token), cancellationToken);

    /// <param name="notAfter">Not sent once this has passed while the request waited for a slot (<see cref="Lapsed"/>).</param>
    public Task<Answer<JsonElement>> DeleteAsync(string endpoint, string path, string token, CancellationToken cancellationToken, DateTimeOffset? notAfter = null) =>
        SendAsync<JsonElement>(endpoint, () => Request(HttpMethod.Delete, path, token), cancellationToken, notAfter);

    /// <param name="notAfter">Not sent once this has passed while the request waited for a slot (<see cref="Lapsed"/>).</param>
    public Task<Answer<T>> PostAsync<T>(string endpoint, string path, string token, object? body, CancellationToken cancellationToken, string? idempotencyKey = null, DateTimeOffset? notAfter = null) =>
        SendAsync<T>(endpoint, () =>
        {
            var request = Request(HttpMethod.Post, path, token);
            request.Content = body is null ? null : JsonContent.Create(body, options: Json);
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            return request;
        }, cancellationToken, notAfter);

    public Task<Answer<JsonElement>> PostRawAsync(string endpoint, string path, byte[] body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(endpoint, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            foreach (var (name, value) in headers)
            {
                request.Headers.Add(name, value);
            }

            return request;
        }, cancellationToken);

    private static HttpRequestMessage Request(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private async Task<Answer<T>> SendAsync<T>(string endpoint, Func<HttpRequestMessage> create, CancellationToken cancellationToken, DateTimeOffset? notAfter = null)
    {
        await slots.WaitAsync(cancellationToken);
        if (notAfter is { } deadline && DateTimeOffset.UtcNow >= deadline)
        {
            // A fan's own connection would have sent it in time: the runner's queue made it late, not the system.
            slots.Release();
            metrics.RecordLapsedInRunner(endpoint);
            return new Answer<T>(Lapsed, default, null);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = create();
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var status = (int)response.StatusCode;
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.IsSuccessStatusCode)
            {
                metrics.Record(endpoint, status, elapsed);
                return new Answer<T>(status, body.Length == 0 ? default : JsonSerializer.Deserialize<T>(body, Json), null);
            }

            var code = ProblemCode(body);
            metrics.Record(endpoint, status, elapsed, code);
            return new Answer<T>(status, default, code);
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            metrics.Record(endpoint, Metrics.NetworkError, Stopwatch.GetElapsedTime(started).TotalMilliseconds, exception.GetType().Name);
            return new Answer<T>(Metrics.NetworkError, default, exception.GetType().Name);
        }
        finally
        {
            slots.Release();
        }
    }

    private static string? ProblemCode(byte[] body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>An answer: its status (0 when none came), the body on success, the problem's <c>code</c> otherwise.</summary>
public readonly record struct Answer<T>(int Status, T? Value, string? Code)
{
    public bool Ok => Status is >= 200 and < 300;
}
