using Ticketing.Domain.Bookings;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Common;
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
        var claim = Claim.Create(Guid.NewGuid(), Guid.NewGuid(), null, [new ClaimLine(Guid.NewGuid(), 2, Money.FromMajor(10m, "USD"), [])], Now, TimeSpan.FromMinutes(10));
        claim.Confirm(Now);
        var booking = Booking.FromClaim(claim, Payment.ForClaim(claim.CustomerId, claim.Id, claim.Total, PaymentMethod.Wallet, claim.Total, null, Now), "Fan", null, new Dictionary<Guid, string>(), Now);

        booking.Cancel(Now, "changed plans");

        booking.Status.ShouldBe(BookingStatus.Cancelled);
        booking.Tickets.ShouldAllBe(t => t.Status == TicketStatus.Void);
        booking.DomainEvents.OfType<BookingCancelledEvent>().ShouldHaveSingleItem().RefundAmount.ShouldBe(2_000);
        Should.Throw<DomainException>(() => booking.Cancel(Now, "again"));
    }
}
