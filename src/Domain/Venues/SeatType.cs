namespace Ticketing.Domain.Venues;

public enum SeatType
{
    Standard,
    Deluxe,
}
