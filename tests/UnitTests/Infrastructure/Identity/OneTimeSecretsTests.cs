using Microsoft.Extensions.Options;
using Ticketing.Infrastructure.Identity;

namespace Ticketing.UnitTests.Infrastructure.Identity;

public sealed class OneTimeSecretsTests
{
    private readonly OneTimeSecrets _secrets = With(new string('k', 48));

    [Fact]
    public void Codes_are_six_digits_and_vary()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => _secrets.NewCode()).ToList();

        codes.ShouldAllBe(code => code.Length == 6 && code.All(char.IsAsciiDigit));
        codes.Distinct().Count().ShouldBeGreaterThan(150);
    }

    [Fact]
    public void Tokens_carry_256_bits_in_url_safe_characters()
    {
        var token = _secrets.NewToken();

        token.Length.ShouldBe(43);
        token.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
        _secrets.NewToken().ShouldNotBe(token);
    }

    [Fact]
    public void The_hash_is_stable_for_one_key_and_differs_under_another()
    {
        var hash = _secrets.Hash("042137");

        hash.ShouldBe(_secrets.Hash("042137"));
        hash.ShouldNotBe(_secrets.Hash("042138"));
        hash.ShouldNotBe(With(new string('j', 48)).Hash("042137"));
        hash.Length.ShouldBe(64);
    }

    private static OneTimeSecrets With(string signingKey) => new(Options.Create(new JwtOptions { SigningKey = signingKey }));
}
