using System.ComponentModel.DataAnnotations;

namespace Ticketing.Infrastructure.Idempotency;

/// <summary>Idempotency-Key settings (section "Idempotency").</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>
    /// How long a claimed key stays "in progress" (409 REQUEST_IN_PROGRESS) without a response: after it, the first
    /// process must have died, and a retry of the same request takes the key over. Keep it well above the longest
    /// request (the payment gateway's timeout), or a slow first run and its retry would both run.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00", ErrorMessage = "Idempotency:InProgressLease must be between 00:00:05 and 01:00:00.")]
    public TimeSpan InProgressLease { get; set; } = TimeSpan.FromSeconds(60);
}
