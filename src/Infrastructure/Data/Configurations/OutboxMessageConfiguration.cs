using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ticketing.Infrastructure.Outbox;

namespace Ticketing.Infrastructure.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Type).HasMaxLength(300);
        builder.Property(m => m.Payload).HasColumnType("jsonb");
        builder.Property(m => m.LastError).HasMaxLength(2000);

        // The dispatcher's only question: what is due? Keep that index small by leaving finished rows out.
        builder.HasIndex(m => m.NextAttemptAt)
            .HasFilter("processed_at IS NULL AND dead_lettered_at IS NULL")
            .HasDatabaseName("ix_outbox_messages_due");
    }
}
