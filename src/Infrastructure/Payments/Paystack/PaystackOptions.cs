using System.ComponentModel.DataAnnotations;

namespace Ticketing.Infrastructure.Payments.Paystack;

/// <summary>Paystack settings (section "Payments:Paystack"). The secret key is a secret: configuration or environment only.</summary>
public sealed class PaystackOptions
{
    public const string SectionName = "Payments:Paystack";

    /// <summary>sk_test_… or sk_live_…: authenticates every API call and keys the webhook signature.</summary>
    [Required(ErrorMessage = "Payments:Paystack:SecretKey is required: set it in configuration or the Payments__Paystack__SecretKey environment variable.")]
    public string SecretKey { get; set; } = string.Empty;

    [Required]
    [Url]
    public string BaseUrl { get; set; } = "https://api.paystack.co";

    /// <summary>Where Paystack sends the customer after checkout; when unset, the dashboard's callback URL applies.</summary>
    public string? CallbackUrl { get; set; }

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 15;
}
