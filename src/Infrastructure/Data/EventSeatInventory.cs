using Microsoft.EntityFrameworkCore;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Infrastructure.Data;

public sealed class EventSeatInventory(ApplicationDbContext context) : IEventSeatInventory
{
    // One statement for the whole venue (a stadium is 100k rows): seats are numbered 1..n per row, each under the
    // event's ticket type of its section's seat type. Runs in the caller's transaction.
    private const string MaterializeSql = """
        INSERT INTO event_seats (id, event_id, ticket_type_id, section, section_position, row, row_position, number, status)
        SELECT uuid_generate_v7(), e.id, t.id, s.name, s.position, r.label, r.position, n.number, 'Available'
          FROM events e
          JOIN venue_sections s ON s.venue_id = e.venue_id
          JOIN venue_rows r ON r.section_id = s.id
          JOIN ticket_types t ON t.event_id = e.id AND t.seat_type = s.seat_type
         CROSS JOIN LATERAL generate_series(1, r.seats) AS n(number)
         WHERE e.id = {0}
        ON CONFLICT (event_id, section, row, number) DO NOTHING
        """;

    public Task<int> MaterializeAsync(Guid eventId, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlRawAsync(MaterializeSql, [eventId], cancellationToken);
}
