using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ticketing.Infrastructure.Email;

namespace Ticketing.Infrastructure.Data.Configurations;

internal sealed class DevMailboxMessageConfiguration : IEntityTypeConfiguration<DevMailboxMessage>
{
    public void Configure(EntityTypeBuilder<DevMailboxMessage> builder)
    {
        builder.ToTable("dev_mailbox");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.To).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.HasIndex(m => new { m.To, m.SentAt });
    }
}
