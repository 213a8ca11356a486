using Ticketing.Domain.Common;
using Ticketing.Domain.Queue;

namespace Ticketing.UnitTests.Domain.Queue;

public sealed class QueueEntryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void An_admission_expires_a_fixed_window_after_it_is_issued_in_whole_milliseconds()
    {
        var entry = QueueEntry.JoinLine(Guid.NewGuid(), Guid.NewGuid(), Now, 1);

        entry.Admit(Now.AddTicks(4567), TimeSpan.FromMinutes(10));

        entry.Status.ShouldBe(QueueEntryStatus.Admitted);
        entry.AdmissionExpiresAt.ShouldBe(Now.AddMinutes(10));
        entry.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<CustomerAdmittedEvent>().ExpiresAt.ShouldBe(Now.AddMinutes(10));
        entry.IsAdmissionValidAt(Now.AddMinutes(10).AddTicks(-1)).ShouldBeTrue();
        entry.IsAdmissionValidAt(Now.AddMinutes(10)).ShouldBeFalse();
    }

    [Fact]
    public void An_admission_is_used_once_and_only_inside_its_window()
    {
        var entry = Admitted();

        Should.Throw<DomainException>(() => entry.Use(Now.AddMinutes(11)));
        entry.Use(Now.AddMinutes(5));

        entry.Status.ShouldBe(QueueEntryStatus.Used);
        Should.Throw<DomainException>(() => entry.Use(Now.AddMinutes(6))).Code.Value.ShouldBe("INVALID_STATE");
    }

    [Fact]
    public void Only_a_lapsed_admission_expires()
    {
        var entry = Admitted();

        Should.Throw<DomainException>(() => entry.Expire(Now.AddMinutes(5)));
        entry.Expire(Now.AddMinutes(10));

        entry.Status.ShouldBe(QueueEntryStatus.Expired);
        entry.IsActive.ShouldBeFalse();
    }

    [Fact]
    public void Waiting_and_admitted_entries_can_be_abandoned_others_cannot()
    {
        var waiting = QueueEntry.JoinLine(Guid.NewGuid(), Guid.NewGuid(), Now, 1);
        waiting.Abandon(Now);
        waiting.Status.ShouldBe(QueueEntryStatus.Abandoned);

        var admitted = Admitted();
        admitted.Abandon(Now);
        Should.Throw<DomainException>(() => admitted.Abandon(Now));
    }

    [Fact]
    public void A_pre_queue_entry_is_admitted_only_after_the_draw_placed_it()
    {
        var entry = QueueEntry.JoinPreQueue(Guid.NewGuid(), Guid.NewGuid(), Now);

        Should.Throw<DomainException>(() => entry.Admit(Now, TimeSpan.FromMinutes(10)));
        entry.PlaceInDraw(3);
        entry.Ordinal.ShouldBe(3);
        Should.Throw<DomainException>(() => entry.PlaceInDraw(4));
        entry.Admit(Now, TimeSpan.FromMinutes(10));
    }

    private static QueueEntry Admitted()
    {
        var entry = QueueEntry.JoinLine(Guid.NewGuid(), Guid.NewGuid(), Now, 1);
        entry.Admit(Now, TimeSpan.FromMinutes(10));
        return entry;
    }
}
