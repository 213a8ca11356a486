namespace Ticketing.Bench.Scenarios;

public enum BuyerBehaviour
{
    Buys,
    LetsAdmissionLapse,
    LetsClaimLapse,
    CardDeclined,
}

/// <summary>What one on-sale user will do, drawn before the run so that a seed reproduces it.</summary>
/// <param name="Funding">The wallet top-up before the sale: enough for four tickets (pays by wallet), a part (split), or none (card).</param>
public sealed record BuyerPlan(BuyerBehaviour Behaviour, int Quantity, string Method, decimal Funding)
{
    public static BuyerPlan Draw(Random random, double walletShare)
    {
        var roll = random.NextDouble();
        var behaviour = roll switch
        {
            < 0.05 => BuyerBehaviour.LetsAdmissionLapse,
            < 0.10 => BuyerBehaviour.LetsClaimLapse,
            _ => BuyerBehaviour.Buys,
        };
        var quantity = random.Next(1, 5);
        if (random.NextDouble() >= walletShare)
        {
            return new BuyerPlan(behaviour == BuyerBehaviour.Buys && random.NextDouble() < 0.03 ? BuyerBehaviour.CardDeclined : behaviour, quantity, "Card", 0m);
        }

        return random.NextDouble() < 0.5
            ? new BuyerPlan(behaviour, quantity, "Wallet", 100m)
            : new BuyerPlan(behaviour, quantity, "Split", 10m);
    }
}
