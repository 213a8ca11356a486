using Ticketing.Domain.Common;
using Ticketing.Domain.Queue;

namespace Ticketing.UnitTests.Domain.Queue;

/// <summary>Whether a claim may be made with an admission: whose it is, which admission the token names, and when.</summary>
public sealed class AdmissionUseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Customer = Guid.NewGuid();

    [Fact]
    public void The_customers_own_admission_is_used_up_inside_its_window()
    {
        var entry = Admitted();

        entry.UseFor(Customer, entry.AdmissionExpiresAt!.Value, Now.AddMinutes(5));

        entry.Status.ShouldBe(QueueEntryStatus.Used);
    }

    [Fact]
    public void Another_customers_admission_is_invalid_and_stays_unused()
    {
        var entry = Admitted();

        Refusal(() => entry.UseFor(Guid.NewGuid(), entry.AdmissionExpiresAt!.Value, Now.AddMinutes(5)));

        entry.Status.ShouldBe(QueueEntryStatus.Admitted);
    }

    [Fact]
    public void A_token_from_an_earlier_admission_is_invalid()
    {
        var entry = Admitted();

        Refusal(() => entry.UseFor(Customer, entry.AdmissionExpiresAt!.Value.AddMinutes(-1), Now.AddMinutes(5)));
    }

    [Fact]
    public void An_admission_past_its_window_or_already_used_is_invalid()
    {
        var entry = Admitted();
        var expires = entry.AdmissionExpiresAt!.Value;

        Refusal(() => entry.EnsureUsableBy(Customer, expires, expires));
        entry.UseFor(Customer, expires, Now);
        Refusal(() => entry.UseFor(Customer, expires, Now));
    }

    private static void Refusal(Action use) =>
        Should.Throw<DomainException>(use).Code.Value.ShouldBe("ADMISSION_INVALID");

    private static QueueEntry Admitted()
    {
        var entry = QueueEntry.JoinLine(Guid.NewGuid(), Customer, Now, 1);
        entry.Admit(Now, TimeSpan.FromMinutes(10));
        return entry;
    }
}
