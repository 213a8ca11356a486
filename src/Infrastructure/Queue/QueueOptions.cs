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
}
