using Ticketing.Domain.Common;

namespace Ticketing.UnitTests.Domain.Common;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(25.50, "USD", 2550)]
    [InlineData(0.01, "EUR", 1)]
    [InlineData(1500, "JPY", 1500)]
    [InlineData(1.234, "KWD", 1234)]
    [InlineData(0, "NGN", 0)]
    public void Major_amounts_become_exact_minor_units(decimal major, string currency, long minor) =>
        Money.FromMajor(major, currency).Amount.ShouldBe(minor);

    [Theory]
    [InlineData(2550, "USD", "25.50")]
    [InlineData(1500, "JPY", "1500")]
    [InlineData(1234, "KWD", "1.234")]
    [InlineData(-5, "USD", "-0.05")]
    public void Minor_units_show_with_exactly_the_currency_s_decimals(long minor, string currency, string shown) =>
        new Money(minor, currency).ToMajor().ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(shown);

    [Theory]
    [InlineData(25.505, "USD")]
    [InlineData(10.5, "JPY")]
    public void Amounts_finer_than_the_currency_are_refused_not_rounded(decimal major, string currency) =>
        Should.Throw<DomainException>(() => Money.FromMajor(major, currency)).Code.ShouldBe(Errors.ValidationError);

    [Theory]
    [InlineData("92233720368547758.07", "USD")]
    [InlineData("1000000000.01", "USD")]
    [InlineData("-1000000001", "JPY")]
    public void Amounts_past_the_money_bound_are_an_input_error_not_an_overflow(string major, string currency) =>
        Should.Throw<DomainException>(() => Money.FromMajor(decimal.Parse(major, System.Globalization.CultureInfo.InvariantCulture), currency))
            .Code.ShouldBe(Errors.ValidationError);

    [Fact]
    public void Arithmetic_stays_in_one_currency()
    {
        var ticket = Money.FromMajor(25.50m, "USD");

        (ticket * 3).ShouldBe(Money.FromMajor(76.50m, "USD"));
        (ticket + ticket - ticket).ShouldBe(ticket);
        (ticket > Money.Zero("USD")).ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => ticket + Money.FromMajor(1m, "EUR"));
    }

    [Fact]
    public void Unknown_currencies_are_refused() =>
        Should.Throw<ArgumentException>(() => new Money(1, "XYZ"));
}
