using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Payments;

namespace Ticketing.Infrastructure.Data.Configurations;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    /// <summary>
    /// A claim has at most one payment under way or kept. A capture being given back (refund requested) is neither: a
    /// late capture of an attempt the customer had already replaced must be able to succeed in order to be refunded.
    /// </summary>
    public const string ActivePaymentPerClaimIndex = "ux_payments_active_per_claim";

    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("payments", t =>
        {
            t.HasCheckConstraint("ck_payments_parts", "wallet_amount >= 0 AND card_amount >= 0 AND wallet_amount + card_amount = amount");
        });
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Provider).HasMaxLength(30);
        builder.Property(p => p.Reference).HasMaxLength(64);
        builder.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(p => p.ProviderTransactionId).HasMaxLength(100);
        builder.Property(p => p.CheckoutUrl).HasMaxLength(2000);
        builder.Property(p => p.FailureReason).HasMaxLength(500);
        builder.Property(p => p.FlaggedReason).HasMaxLength(500);
        builder.Property(p => p.ProviderRefundId).HasMaxLength(100);
        builder.HasIndex(p => p.Reference).IsUnique();
        builder.HasIndex(p => p.ClaimId)
            .IsUnique()
            .HasFilter("claim_id IS NOT NULL AND (status = 'Pending' OR (status = 'Succeeded' AND refund_requested_at IS NULL))")
            .HasDatabaseName(ActivePaymentPerClaimIndex);
        builder.HasIndex(p => new { p.CustomerId, p.CreatedAt });

        // The verification sweep looks for card payments still pending.
        builder.HasIndex(p => p.CreatedAt).HasFilter("status = 'Pending'").HasDatabaseName("ix_payments_pending_created_at");
        // The stranded-refund sweeper's question: which refunds were asked for and not yet taken by the gateway?
        builder.HasIndex(p => p.RefundRequestedAt)
            .HasFilter("status = 'Succeeded' AND refund_requested_at IS NOT NULL AND refund_accepted_at IS NULL")
            .HasDatabaseName("ix_payments_awaiting_refund");
        builder.HasOne<Claim>().WithMany().HasForeignKey(p => p.ClaimId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(p => p.Total);
        builder.Ignore(p => p.WalletPart);
        builder.Ignore(p => p.CardPart);
        builder.Ignore(p => p.NeedsCard);
        builder.Ignore(p => p.AwaitsRefund);
        builder.Ignore(p => p.DomainEvents);
    }
}
