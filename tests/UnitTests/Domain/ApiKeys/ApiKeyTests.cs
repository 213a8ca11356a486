using System.Security.Cryptography;
using System.Text;
using Ticketing.Domain.ApiKeys;
using Ticketing.Domain.Common;

namespace Ticketing.UnitTests.Domain.ApiKeys;

public sealed class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_generated_key_is_tk_a_public_prefix_and_256_random_bits_in_base64url()
    {
        var secret = ApiKeySecret.Generate();

        secret.Key.ShouldMatch("^tk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$");
        secret.Prefix.ShouldBe(secret.Key[..11]);
        Convert.FromBase64String(ToStandardBase64(secret.Key[12..])).Length.ShouldBe(32);
        ApiKeySecret.IsWellFormed(secret.Key).ShouldBeTrue();
    }

    [Fact]
    public void The_hash_is_the_hex_SHA256_of_the_whole_key()
    {
        var secret = ApiKeySecret.Generate();

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret.Key)));
        secret.Hash.ShouldBe(expected);
        ApiKeySecret.HashOf(secret.Key).ShouldBe(expected);
        secret.Hash.ShouldNotContain(secret.Key[12..]);
    }

    [Fact]
    public void Every_key_is_different()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => ApiKeySecret.Generate()).ToList();

        keys.Select(k => k.Key).Distinct().Count().ShouldBe(100);
        keys.Select(k => k.Hash).Distinct().Count().ShouldBe(100);
    }

    [Fact]
    public void The_secret_never_shows_up_when_a_key_is_written_out()
    {
        var secret = ApiKeySecret.Generate();

        secret.ToString()!.ShouldNotContain(secret.Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("tk_")]
    [InlineData("not-a-key")]
    [InlineData("xx_0123abcd_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // another scheme
    [InlineData("tk_0123ABCD_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // prefix not lower-case hex
    [InlineData("tk_0123abcdXAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // no separator
    [InlineData("tk_0123abcd_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // one character short
    [InlineData("tk_0123abcd_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // one character long
    [InlineData("tk_0123abcd_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+/")] // base64, not base64url
    [InlineData("tk_0123abcd_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA AA")] // whitespace
    public void Anything_not_shaped_like_an_issued_key_is_refused_without_a_lookup(string? presented) =>
        ApiKeySecret.IsWellFormed(presented).ShouldBeFalse();

    [Fact]
    public void A_key_of_the_right_shape_passes_the_shape_check()
    {
        ApiKeySecret.IsWellFormed("tk_0123abcd_" + new string('A', 42) + "Q").ShouldBeTrue();
    }

    [Fact]
    public void An_issued_key_keeps_the_hash_and_prefix_but_not_the_key()
    {
        var secret = ApiKeySecret.Generate();

        var apiKey = ApiKey.Issue("web shop", secret);

        apiKey.Name.ShouldBe("web shop");
        apiKey.Prefix.ShouldBe(secret.Prefix);
        apiKey.KeyHash.ShouldBe(secret.Hash);
        apiKey.IsRevoked.ShouldBeFalse();
        apiKey.LastUsedAt.ShouldBeNull();
        typeof(ApiKey).GetProperties().Select(p => p.GetValue(apiKey)).OfType<string>().ShouldNotContain(secret.Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_key_needs_a_name(string name)
    {
        var failure = Should.Throw<DomainException>(() => ApiKey.Issue(name, ApiKeySecret.Generate()));

        failure.Code.ShouldBe(Errors.ValidationError);
    }

    [Fact]
    public void A_key_is_revoked_once()
    {
        var apiKey = ApiKey.Issue("web shop", ApiKeySecret.Generate());

        apiKey.Revoke(Now);
        var second = Should.Throw<DomainException>(() => apiKey.Revoke(Now.AddMinutes(1)));

        apiKey.IsRevoked.ShouldBeTrue();
        apiKey.RevokedAt.ShouldBe(Now);
        second.Code.ShouldBe(Errors.InvalidState);
    }

    private static string ToStandardBase64(string base64Url)
    {
        var standard = base64Url.Replace('-', '+').Replace('_', '/');
        return standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
    }
}
