namespace Ticketing.Domain.Common;

/// <summary>
/// An amount in the currency's minor units (cents, kobo …), never a float. The API speaks decimal major units;
/// conversion happens only at the edges, through <see cref="FromMajor"/> and <see cref="ToMajor"/>.
/// </summary>
public readonly record struct Money
{
    public Money(long amount, string currency)
    {
        if (!Currencies.IsKnown(currency))
        {
            throw new ArgumentException($"Unknown currency '{currency}'.", nameof(currency));
        }

        Amount = amount;
        Currency = currency;
    }

    /// <summary>
    /// The largest amount any single input may name, in major units. Far above any ticket or top-up, and low enough
    /// that price × quantity × capacity stays inside <see cref="long"/> minor units in every currency.
    /// </summary>
    public const decimal MaxMajor = 1_000_000_000m;

    /// <summary>Minor units.</summary>
    public long Amount { get; }

    /// <summary>ISO 4217 code.</summary>
    public string Currency { get; }

    public static Money Zero(string currency) => new(0, currency);

    /// <summary>25.50 USD → 2550; an amount finer than the currency allows is refused, never rounded.</summary>
    public static Money FromMajor(decimal amount, string currency)
    {
        if (!IsValidMajor(amount, currency))
        {
            throw new DomainException(
                Errors.ValidationError, $"An amount in {currency} is between -{MaxMajor} and {MaxMajor}, with no more decimals than {currency} allows.");
        }

        return new Money((long)(amount * Currencies.Pow10(Currencies.DigitsOf(currency))), currency);
    }

    /// <summary>Whether <see cref="FromMajor"/> takes the amount: within ±<see cref="MaxMajor"/> and the currency's decimals.</summary>
    public static bool IsValidMajor(decimal amount, string currency) =>
        Math.Abs(amount) <= MaxMajor && Currencies.FitsPrecision(amount, currency);

    /// <summary>2550 USD → 25.50, with exactly the currency's number of decimals.</summary>
    public decimal ToMajor()
    {
        var magnitude = (ulong)Math.Abs(Amount);
        return new decimal((int)(magnitude & 0xFFFFFFFF), (int)(magnitude >> 32), 0, Amount < 0, (byte)Currencies.DigitsOf(Currency));
    }

    public static Money operator +(Money left, Money right) => new(checked(left.Amount + SameCurrency(left, right).Amount), left.Currency);

    public static Money operator -(Money left, Money right) => new(checked(left.Amount - SameCurrency(left, right).Amount), left.Currency);

    public static Money operator *(Money money, int quantity) => new(checked(money.Amount * quantity), money.Currency);

    public static bool operator <(Money left, Money right) => left.Amount < SameCurrency(left, right).Amount;

    public static bool operator >(Money left, Money right) => left.Amount > SameCurrency(left, right).Amount;

    public static bool operator <=(Money left, Money right) => left.Amount <= SameCurrency(left, right).Amount;

    public static bool operator >=(Money left, Money right) => left.Amount >= SameCurrency(left, right).Amount;

    public override string ToString() => $"{ToMajor()} {Currency}";

    private static Money SameCurrency(Money left, Money right) =>
        left.Currency == right.Currency
            ? right
            : throw new InvalidOperationException($"Cannot combine {left.Currency} with {right.Currency}.");
}
