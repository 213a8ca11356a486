using System.Collections.Frozen;

namespace Ticketing.Domain.Common;

/// <summary>
/// ISO 4217 currencies this system sells in, with their minor-unit digits. .NET has no such table outside
/// culture data (and cultures are off here), so the list is ours; add a code when a market needs it.
/// </summary>
public static class Currencies
{
    private static readonly FrozenDictionary<string, int> MinorDigits = new Dictionary<string, int>
    {
        ["AED"] = 2, ["ARS"] = 2, ["AUD"] = 2, ["BHD"] = 3, ["BRL"] = 2, ["CAD"] = 2, ["CHF"] = 2, ["CLP"] = 0,
        ["CNY"] = 2, ["COP"] = 2, ["CZK"] = 2, ["DKK"] = 2, ["EGP"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["GHS"] = 2,
        ["HKD"] = 2, ["HUF"] = 2, ["IDR"] = 2, ["ILS"] = 2, ["INR"] = 2, ["ISK"] = 0, ["JOD"] = 3, ["JPY"] = 0,
        ["KES"] = 2, ["KRW"] = 0, ["KWD"] = 3, ["MAD"] = 2, ["MXN"] = 2, ["MYR"] = 2, ["NGN"] = 2, ["NOK"] = 2,
        ["NZD"] = 2, ["OMR"] = 3, ["PEN"] = 2, ["PHP"] = 2, ["PLN"] = 2, ["QAR"] = 2, ["RON"] = 2, ["RWF"] = 0,
        ["SAR"] = 2, ["SEK"] = 2, ["SGD"] = 2, ["THB"] = 2, ["TND"] = 3, ["TRY"] = 2, ["TWD"] = 2, ["TZS"] = 2,
        ["UGX"] = 0, ["USD"] = 2, ["VND"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["ZAR"] = 2,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Codes => MinorDigits.Keys;

    public static bool IsKnown(string? code) => code is not null && MinorDigits.ContainsKey(code);

    public static int DigitsOf(string code) =>
        MinorDigits.TryGetValue(code, out var digits)
            ? digits
            : throw new ArgumentException($"Unknown currency '{code}'.", nameof(code));

    /// <summary>True when <paramref name="amount"/> needs no more decimals than the currency has (25.50 USD yes, 25.505 no).</summary>
    public static bool FitsPrecision(decimal amount, string code)
    {
        // Rounding to the currency's decimals cannot overflow, unlike scaling up near decimal.MaxValue.
        return decimal.Round(amount, DigitsOf(code)) == amount;
    }

    internal static decimal Pow10(int digits) => digits switch { 0 => 1m, 1 => 10m, 2 => 100m, 3 => 1000m, _ => throw new ArgumentOutOfRangeException(nameof(digits)) };
}
