using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ticketing.Domain.Events;
using Ticketing.Domain.Queue;

namespace Ticketing.Infrastructure.Data.Configurations;

internal sealed class QueueEntryConfiguration : IEntityTypeConfiguration<QueueEntry>
{
    /// <summary>Invariant 3: one active entry per customer and event.</summary>
    public const string ActiveEntryIndex = "ux_queue_entries_active";

    /// <summary>Places in line for joiners after the draw; starts above any pre-queue rank.</summary>
    public const string OrdinalSequence = "queue_line_ordinal";

    public void Configure(EntityTypeBuilder<QueueEntry> builder)
    {
        builder.ToTable("queue_entries");
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Event>().WithMany().HasForeignKey(q => q.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => new { q.EventId, q.CustomerId })
            .IsUnique()
            .HasFilter("status IN ('Waiting', 'Admitted')")
            .HasDatabaseName(ActiveEntryIndex);

        // A customer's entries in any state: the one every poll of GET .../queue/me reads.
        builder.HasIndex(q => new { q.CustomerId, q.EventId }).HasDatabaseName("ix_queue_entries_customer");

        // The line: who is next, and how many are ahead of me.
        builder.HasIndex(q => new { q.EventId, q.Ordinal })
            .HasFilter("status = 'Waiting'")
            .HasDatabaseName("ix_queue_entries_waiting_line");
        builder.HasIndex(q => q.AdmissionExpiresAt).HasFilter("status = 'Admitted'").HasDatabaseName("ix_queue_entries_admitted_expiry");
        builder.HasIndex(q => new { q.EventId, q.AdmittedAt });
        builder.Ignore(q => q.DomainEvents);
    }
}
