using Ticketing.Domain.Bookings;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Common;
using Ticketing.Domain.Events;
using Ticketing.Domain.Payments;

namespace Ticketing.UnitTests.Domain.Bookings;

public sealed class BookingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_paid_claim_becomes_one_ticket_per_unit_and_per_seat()
    {
        var seatA = Guid.NewGuid();
        var seatB = Guid.NewGuid();
        var claim = Claim.Create(Guid.NewGuid(), Guid.NewGuid(), null,
            [new ClaimLine(Guid.NewGuid(), 3, Money.FromMajor(10m, "USD"), []), new ClaimLine(Guid.NewGuid(), 2, Money.FromMajor(40m, "USD"), [seatA, seatB])],
            Now, TimeSpan.FromMinutes(10));
        claim.Confirm(Now);
        var payment = Payment.ForClaim(claim.CustomerId, claim.Id, claim.Total, PaymentMethod.Wallet, claim.Total, null, Now);

        var booking = Booking.FromClaim(claim, payment, "Fan", "fan@example.com", new Dictionary<Guid, string> { [seatA] = "Stalls A 1" }, Now);

        booking.Tickets.Count.ShouldBe(5);
        booking.Tickets.Count(t => t.SeatId is not null).ShouldBe(2);
        booking.Tickets.Single(t => t.SeatId == seatA).SeatLabel.ShouldBe("Stalls A 1");
        booking.Total.ShouldBe(Money.FromMajor(110m, "USD"));
        booking.Tickets.ShouldAllBe(t => t.Status == TicketStatus.Valid && t.EventId == claim.EventId);
    }

    [Fact]
    public void Only_a_confirmed_claim_becomes_a_booking()
    {
        var claim = Claim.Create(Guid.NewGuid(), Guid.NewGuid(), null, [new ClaimLine(Guid.NewGuid(), 1, Money.FromMajor(10m, "USD"), [])], Now, TimeSpan.FromMinutes(10));
        var payment = Payment.ForClaim(claim.CustomerId, claim.Id, claim.Total, PaymentMethod.Wallet, claim.Total, null, Now);

        Should.Throw<DomainException>(() => Booking.FromClaim(claim, payment, "Fan", null, new Dictionary<Guid, string>(), Now));
    }

    [Fact]
    public void Cancelling_voids_every_ticket_once()
    {
        var booking = BookingOf(2);

        booking.Cancel(Now, "changed plans", Canceller.Customer).Count.ShouldBe(2);

        booking.Status.ShouldBe(BookingStatus.Cancelled);
        booking.Tickets.ShouldAllBe(t => t.Status == TicketStatus.Void);
        booking.DomainEvents.OfType<BookingCancelledEvent>().ShouldHaveSingleItem().RefundAmount.ShouldBe(2_000);
        Should.Throw<DomainException>(() => booking.Cancel(Now, "again", Canceller.Organizer)).Code.ShouldBe(Errors.InvalidState);
    }

    [Fact]
    public void A_customer_cannot_cancel_once_a_ticket_was_used()
    {
        var booking = BookingOf(2);
        booking.Tickets[0].CheckIn(EventState.OnSale, Doors, Now, Guid.NewGuid(), "North");

        Should.Throw<DomainException>(() => booking.Cancel(Now, "changed plans", Canceller.Customer)).Code.ShouldBe(Errors.TicketUsed);

        booking.Status.ShouldBe(BookingStatus.Confirmed);
        booking.Tickets.Count(t => t.Status == TicketStatus.Valid).ShouldBe(1);
    }

    [Theory]
    [InlineData(Canceller.Organizer)]
    [InlineData(Canceller.Admin)]
    public void An_organizer_or_admin_cancellation_voids_and_refunds_only_the_unused_tickets(Canceller by)
    {
        var booking = BookingOf(3);
        var used = booking.Tickets[1];
        used.CheckIn(EventState.OnSale, Doors, Now, Guid.NewGuid(), null);

        var voided = booking.Cancel(Now, "show moved", by);

        voided.Count.ShouldBe(2);
        voided.ShouldNotContain(used);
        used.Status.ShouldBe(TicketStatus.CheckedIn);
        booking.DomainEvents.OfType<BookingCancelledEvent>().ShouldHaveSingleItem().RefundAmount.ShouldBe(2_000);
    }

    [Fact]
    public void A_ticket_checks_in_only_while_the_doors_are_open()
    {
        var ticket = BookingOf(1).Tickets[0];

        Should.Throw<DomainException>(() => ticket.CheckIn(EventState.OnSale, Doors, Doors.OpensAt.AddTicks(-1), Guid.NewGuid(), null)).Code.ShouldBe(Errors.DoorsClosed);
        Should.Throw<DomainException>(() => ticket.CheckIn(EventState.OnSale, Doors, Doors.ClosesAt, Guid.NewGuid(), null)).Code.ShouldBe(Errors.DoorsClosed);
        ticket.Status.ShouldBe(TicketStatus.Valid);
        ticket.CheckIn(EventState.OnSale, Doors, Doors.OpensAt, Guid.NewGuid(), null);
        ticket.Status.ShouldBe(TicketStatus.CheckedIn);
    }

    [Theory]
    [InlineData(EventState.Cancelled)]
    [InlineData(EventState.Ended)]
    [InlineData(EventState.Draft)]
    public void A_ticket_does_not_check_in_once_its_event_is_no_longer_happening(EventState state)
    {
        var ticket = BookingOf(1).Tickets[0];

        Should.Throw<DomainException>(() => ticket.CheckIn(state, Doors, Now, Guid.NewGuid(), null)).Code.ShouldBe(Errors.InvalidState);

        ticket.Status.ShouldBe(TicketStatus.Valid);
    }

    [Fact]
    public void A_second_scan_says_it_was_used_even_after_the_doors_closed()
    {
        var ticket = BookingOf(1).Tickets[0];
        ticket.CheckIn(EventState.OnSale, Doors, Now, Guid.NewGuid(), "North");

        Should.Throw<DomainException>(() => ticket.CheckIn(EventState.OnSale, Doors, Doors.ClosesAt.AddHours(1), Guid.NewGuid(), null)).Code.ShouldBe(Errors.AlreadyCheckedIn);
    }

    private static readonly DoorWindow Doors = new(Now.AddHours(-1), Now.AddHours(3));

    private static Booking BookingOf(int tickets)
    {
        var claim = Claim.Create(Guid.NewGuid(), Guid.NewGuid(), null, [new ClaimLine(Guid.NewGuid(), tickets, Money.FromMajor(10m, "USD"), [])], Now, TimeSpan.FromMinutes(10));
        claim.Confirm(Now);
        return Booking.FromClaim(claim, Payment.ForClaim(claim.CustomerId, claim.Id, claim.Total, PaymentMethod.Wallet, claim.Total, null, Now), "Fan", null, new Dictionary<Guid, string>(), Now);
    }
}
