namespace Ticketing.Domain.Events;

public enum EventState
{
    Draft,
    Scheduled,
    OnSale,
    SoldOut,
    Ended,
    Cancelled,
}
