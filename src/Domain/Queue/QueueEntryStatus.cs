namespace Ticketing.Domain.Queue;

public enum QueueEntryStatus
{
    Waiting,
    Admitted,
    Used,
    Abandoned,
    Expired,
}
