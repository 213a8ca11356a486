using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ticketing.Domain.Bookings;
using Ticketing.Domain.Events;

namespace Ticketing.Infrastructure.Data.Configurations;

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("bookings");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.PaymentMethod).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(b => b.HolderName).HasMaxLength(200);
        builder.Property(b => b.HolderEmail).HasMaxLength(256);
        builder.Property(b => b.HolderPhone).HasMaxLength(40);
        builder.Property(b => b.CancellationReason).HasMaxLength(200);

        // A claim becomes at most one booking, however its payment notices arrive.
        builder.HasIndex(b => b.ClaimId).IsUnique().HasFilter("claim_id IS NOT NULL");
        builder.HasIndex(b => new { b.EventId, b.Status });
        builder.HasIndex(b => new { b.CustomerId, b.CreatedAt });
        builder.HasOne<Event>().WithMany().HasForeignKey(b => b.EventId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Tickets).WithOne().HasForeignKey(t => t.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.Tickets).HasField("_tickets").AutoInclude();
        builder.Ignore(b => b.Total);
        builder.Ignore(b => b.DomainEvents);
    }
}

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("tickets");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.SeatLabel).HasMaxLength(150);
        builder.Property(t => t.CheckedInAtGate).HasMaxLength(50);
        builder.ComplexProperty(t => t.Price, price =>
        {
            price.Property(m => m.Amount).HasColumnName("price_amount");
            price.Property(m => m.Currency).HasColumnName("price_currency").HasMaxLength(3).IsFixedLength();
        });
        builder.HasOne<TicketType>().WithMany().HasForeignKey(t => t.TicketTypeId).OnDelete(DeleteBehavior.Restrict);

        // Invariant 2 for sold seats: a seat is on at most one valid ticket.
        builder.HasIndex(t => t.SeatId).IsUnique().HasFilter("seat_id IS NOT NULL AND status <> 'Void'").HasDatabaseName("ux_tickets_seat_valid");
        builder.HasIndex(t => new { t.EventId, t.Status });
        builder.Property<uint>("Version").IsRowVersion();
        builder.Ignore(t => t.DomainEvents);
    }
}
