using AutoMapper;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Common;
using Ticketing.Domain.Events;
using Ticketing.Domain.Payments;

namespace Ticketing.Application.Bookings;

public sealed class BookingDto
{
    public Guid Id { get; init; }

    public Guid EventId { get; init; }

    public string EventTitle { get; init; } = string.Empty;

    public DateTimeOffset EventStartsAt { get; init; }

    public BookingStatus Status { get; init; }

    public string HolderName { get; init; } = string.Empty;

    public PaymentMethod PaymentMethod { get; init; }

    /// <summary>Major units with the currency's decimals.</summary>
    public decimal Total { get; init; }

    public string Currency { get; init; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CancelledAt { get; init; }

    public IReadOnlyList<TicketDto> Tickets { get; init; } = [];

    private sealed class Mapping : Profile
    {
        public Mapping()
        {
            IQueryable<Event> events = null!;
            IQueryable<TicketType> ticketTypes = null!;
            CreateMap<Booking, BookingDto>()
                .ForMember(d => d.EventTitle, o => o.MapFrom(b => events.Where(e => e.Id == b.EventId).Select(e => e.Title).FirstOrDefault()))
                .ForMember(d => d.EventStartsAt, o => o.MapFrom(b => events.Where(e => e.Id == b.EventId).Select(e => e.StartsAt).FirstOrDefault()))
                .ForMember(d => d.Total, o => o.MapFrom(b => new Money(b.TotalAmount, b.Currency).ToMajor()))
                // In the order they were issued (ids are UUIDv7): without an ORDER BY the database returns them in
                // whatever order it finds, and a client showing "ticket 1 of 3" saw them change places between reads.
                .ForMember(d => d.Tickets, o => o.MapFrom(b => b.Tickets.OrderBy(t => t.Id)));
            CreateMap<Ticket, TicketDto>()
                .ForMember(d => d.TicketType, o => o.MapFrom(t => ticketTypes.Where(tt => tt.Id == t.TicketTypeId).Select(tt => tt.Name).FirstOrDefault()))
                .ForMember(d => d.Seat, o => o.MapFrom(t => t.SeatLabel))
                .ForMember(d => d.Code, o => o.Ignore());
        }
    }
}

public sealed class TicketDto
{
    public Guid Id { get; init; }

    /// <summary>The signed code to show at the door (also as a QR: GET /api/tickets/{id}/qr); empty once void.</summary>
    public string Code { get; set; } = string.Empty;

    public Guid TicketTypeId { get; init; }

    public string TicketType { get; init; } = string.Empty;

    /// <summary>Section, row and number for a seat ("Stalls B 7").</summary>
    public string? Seat { get; init; }

    public TicketStatus Status { get; init; }

    public DateTimeOffset? CheckedInAt { get; init; }
}
