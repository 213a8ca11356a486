using System.Net.Http.Headers;
using System.Net.Http.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Ticketing.Application.Accounts;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.IntegrationTests.Infrastructure;

/// <summary>Base of every integration test: a clean database, HTTP clients as a user would have them, and SQL to check invariants.</summary>
[Collection(ApiCollection.Name)]
public abstract class IntegrationTest(ApiFixture fixture) : IAsyncLifetime
{
    public const string Password = "correct-horse-battery";

    protected ApiFixture Fixture { get; } = fixture;

    protected TicketingApiFactory Factory => Fixture.Factory;

    protected FakeTimeProvider Clock => Factory.Clock;

    public Task InitializeAsync() => Fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected HttpClient Anonymous() => Factory.CreateClient();

    protected HttpClient WithToken(string accessToken)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>A new account with <paramref name="role"/>, logged in through HTTP.</summary>
    protected async Task<TestUser> CreateUserAsync(string role = "Customer", string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IIdentityService>()
                .CreateUserAsync(email, Password, $"Test {role}", [role], CancellationToken.None);
        }

        var tokens = await LoginAsync(email, Password);
        return new TestUser(email, tokens, WithToken(tokens.AccessToken));
    }

    protected async Task<TokenPairDto> LoginAsync(string email, string password)
    {
        var response = await Anonymous().PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenPairDto>(ApiJson.Options))!;
    }

    /// <summary>Runs a command as the Worker would, with no user and no HTTP.</summary>
    protected async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    protected async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}

public sealed record TestUser(string Email, TokenPairDto Tokens, HttpClient Client)
{
    public Guid Id => Guid.Parse(new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().ReadJsonWebToken(Tokens.AccessToken).Subject);
}
