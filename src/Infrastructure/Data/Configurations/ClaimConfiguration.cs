using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Events;
using Ticketing.Domain.Queue;

namespace Ticketing.Infrastructure.Data.Configurations;

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> builder)
    {
        builder.ToTable("claims");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Currency).HasMaxLength(3).IsFixedLength();
        builder.HasOne<Event>().WithMany().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<QueueEntry>().WithMany().HasForeignKey(c => c.QueueEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Items).HasField("_items").AutoInclude();
        builder.HasIndex(c => new { c.EventId, c.CustomerId, c.Status });
        builder.HasIndex(c => c.ExpiresAt).HasFilter("status = 'Pending'").HasDatabaseName("ix_claims_pending_expiry");
        builder.HasIndex(c => new { c.CustomerId, c.CreatedAt });
        builder.Ignore(c => c.Total);
        builder.Ignore(c => c.Quantity);
        builder.Ignore(c => c.IsSeated);
        builder.Ignore(c => c.DomainEvents);
    }
}

internal sealed class ClaimItemConfiguration : IEntityTypeConfiguration<ClaimItem>
{
    public void Configure(EntityTypeBuilder<ClaimItem> builder)
    {
        builder.ToTable("claim_items", t => t.HasCheckConstraint("ck_claim_items_quantity", "quantity > 0"));
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.SeatIds).HasColumnType("uuid[]");
        builder.ComplexProperty(i => i.UnitPrice, price =>
        {
            price.Property(m => m.Amount).HasColumnName("unit_price_amount");
            price.Property(m => m.Currency).HasColumnName("unit_price_currency").HasMaxLength(3).IsFixedLength();
        });
        builder.HasOne<TicketType>().WithMany().HasForeignKey(i => i.TicketTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.TicketTypeId);
        builder.Ignore(i => i.Subtotal);
        builder.Ignore(i => i.DomainEvents);
    }
}
