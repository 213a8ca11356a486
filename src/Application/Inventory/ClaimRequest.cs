using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Events;

namespace Ticketing.Application.Inventory;

/// <summary>
/// A claim checked as far as it can be outside a transaction, waiting for its batch: the event as read for the request,
/// the planned lines, and the admission it must use when the event admits from its queue.
/// </summary>
public sealed record ClaimRequest(Event Event, Guid CustomerId, IReadOnlyList<SaleLine> Lines, AdmissionTicket? Admission, DateTimeOffset Now)
{
    public int Quantity => Lines.Sum(l => l.Quantity);

    public IEnumerable<Guid> SeatIds => Lines.SelectMany(l => l.SeatIds);
}
