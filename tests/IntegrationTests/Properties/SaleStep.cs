using CsCheck;

namespace Ticketing.IntegrationTests.Properties;

/// <summary>One thing a customer, the organizer, door staff, the gateway or the Worker does during a sale.</summary>
public enum SaleAct
{
    ClaimQuantity,
    ClaimSeats,
    JoinQueue,
    Admit,
    ClaimWithAdmission,
    Pay,
    TopUp,
    Webhook,
    ReplayWebhook,
    Release,
    Expire,
    CancelAsCustomer,
    CancelAsOrganizer,
    CancelEvent,
    CheckIn,
    BoxOffice,
    DispatchOutbox,
}

/// <summary>
/// An act with the customer who does it (<see cref="Who"/>) and two choices (<see cref="A"/>, <see cref="B"/>) that the
/// world resolves against what exists when the step runs — which claim, how many, which notice — so a sequence stays
/// meaningful however the steps before it turned out, and shrinks to a shorter one that still means something.
/// </summary>
public readonly record struct SaleStep(SaleAct Act, int Who, int A, int B)
{
    public const int Customers = 3;

    /// <summary>Weighted towards buying and paying, where money and stock move; the rarer acts unwind them.</summary>
    private static readonly Gen<SaleAct> Acts = Gen.Frequency(
        (5, SaleAct.ClaimQuantity),
        (4, SaleAct.ClaimSeats),
        (2, SaleAct.JoinQueue),
        (2, SaleAct.Admit),
        (3, SaleAct.ClaimWithAdmission),
        (7, SaleAct.Pay),
        (2, SaleAct.TopUp),
        (6, SaleAct.Webhook),
        (3, SaleAct.ReplayWebhook),
        (2, SaleAct.Release),
        (2, SaleAct.Expire),
        (2, SaleAct.CancelAsCustomer),
        (2, SaleAct.CancelAsOrganizer),
        (1, SaleAct.CancelEvent),
        (3, SaleAct.CheckIn),
        (2, SaleAct.BoxOffice),
        (1, SaleAct.DispatchOutbox));

    public static readonly Gen<SaleStep> Any = Gen.Select(Acts, Gen.Int[0, Customers - 1], Gen.Int[0, 99], Gen.Int[0, 99],
        (act, who, a, b) => new SaleStep(act, who, a, b));

    /// <summary>Long enough for a claim to be paid, cancelled, checked in and notified about twice; short enough to read.</summary>
    public static readonly Gen<SaleStep[]> Sequence = Any.Array[1, 30];

    public override string ToString() => $"{Act}(customer {Who}, {A}, {B})";
}
