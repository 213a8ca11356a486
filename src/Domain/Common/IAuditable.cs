namespace Ticketing.Domain.Common;

/// <summary>Who created and last changed a row, and when; filled in on save, never by hand.</summary>
public interface IAuditable
{
    DateTimeOffset CreatedAt { get; set; }

    Guid? CreatedBy { get; set; }

    DateTimeOffset? LastModifiedAt { get; set; }

    Guid? LastModifiedBy { get; set; }
}
