using System.ComponentModel.DataAnnotations;

namespace Ticketing.Infrastructure.Queue;

/// <summary>Queue settings (section "Queue"). The admission token key is a secret: configuration or environment only.</summary>
public sealed class QueueOptions
{
    public const string SectionName = "Queue";

    /// <summary>HMAC key for admission tokens, at least 32 characters; the same on every WebApi and Worker instance.</summary>
    [Required(ErrorMessage = "Queue:AdmissionTokenKey is required: set it in configuration or the Queue__AdmissionTokenKey environment variable.")]
    [MinLength(32, ErrorMessage = "Queue:AdmissionTokenKey must be at least 32 characters.")]
    public string AdmissionTokenKey { get; set; } = string.Empty;

    /// <summary>
    /// How old a place in line may be: positions come from a snapshot of the waiting line that each WebApi instance
    /// reads again once it is this old (QueuePositions). Zero reads the line for every position.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Queue:PositionMaxAge must be between 00:00:00 and 00:01:00.")]
    public TimeSpan PositionMaxAge { get; set; } = TimeSpan.FromSeconds(1);
}
