using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ticketing.Infrastructure.Idempotency;
using Ticketing.Infrastructure.Payments;

namespace Ticketing.Infrastructure.Data.Configurations;

internal sealed class WebhookInboxConfiguration : IEntityTypeConfiguration<WebhookInboxEntry>
{
    public void Configure(EntityTypeBuilder<WebhookInboxEntry> builder)
    {
        builder.ToTable("payment_webhook_inbox");

        // Invariant 7: each provider event takes effect once, however often it is delivered.
        builder.HasKey(e => new { e.Provider, e.EventName, e.ProviderEventId });
        builder.Property(e => e.Provider).HasMaxLength(30);
        builder.Property(e => e.EventName).HasMaxLength(60);
        builder.Property(e => e.ProviderEventId).HasMaxLength(100);
        builder.Property(e => e.Reference).HasMaxLength(100);
        builder.Property(e => e.Payload).HasColumnType("jsonb");
    }
}

internal sealed class IdempotencyKeyConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => new { r.UserId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(255);
        builder.Property(r => r.Fingerprint).HasMaxLength(64);
        builder.Property(r => r.ResponseBody).HasColumnType("text");
        builder.HasIndex(r => r.ExpiresAt);
    }
}

internal sealed class SimulatedChargeConfiguration : IEntityTypeConfiguration<SimulatedCharge>
{
    public void Configure(EntityTypeBuilder<SimulatedCharge> builder)
    {
        builder.ToTable("simulated_charges");
        builder.HasKey(c => c.Reference);
        builder.Property(c => c.Reference).HasMaxLength(64);
        builder.Property(c => c.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(c => c.TransactionId).HasMaxLength(100);
    }
}
