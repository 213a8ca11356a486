using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ticketing.Domain.Audit;

namespace Ticketing.Infrastructure.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.Subject).HasMaxLength(200);
        builder.Property(e => e.Details).HasMaxLength(1000);
        builder.Property(e => e.Path).HasMaxLength(500);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.Kind, e.Action, e.OccurredAt });
        builder.Ignore(e => e.DomainEvents);
    }
}
