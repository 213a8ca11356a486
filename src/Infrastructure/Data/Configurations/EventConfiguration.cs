using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ticketing.Domain.Claims;
using Ticketing.Domain.Events;
using Ticketing.Domain.Venues;

namespace Ticketing.Infrastructure.Data.Configurations;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    /// <summary>Two published events may not share a venue at overlapping times (added by raw SQL in the migration).</summary>
    public const string VenueScheduleConstraint = "ex_events_venue_schedule";

    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.ToTable("events");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Title).HasMaxLength(EventRules.MaxTitleLength);
        builder.Property(e => e.Description).HasMaxLength(EventRules.MaxDescriptionLength);
        builder.Property(e => e.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.QueueSeedHash).HasMaxLength(64);
        builder.ComplexProperty(e => e.Queue, queue =>
        {
            queue.Property(q => q.Enabled).HasColumnName("queue_enabled");
            queue.Property(q => q.AdmissionsPerMinute).HasColumnName("queue_admissions_per_minute");
            queue.Property(q => q.AdmissionWindowMinutes).HasColumnName("queue_admission_window_minutes");
        });
        builder.HasOne<Venue>().WithMany().HasForeignKey(e => e.VenueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.TicketTypes).WithOne().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.TicketTypes).HasField("_ticketTypes");
        builder.Property(e => e.StaffIds).HasField("_staffIds").UsePropertyAccessMode(PropertyAccessMode.Field).HasColumnType("uuid[]");
        builder.HasIndex(e => new { e.State, e.StartsAt });
        builder.HasIndex(e => e.OrganizerId);
        builder.Ignore(e => e.Schedule);
        builder.Ignore(e => e.DomainEvents);
    }
}

internal sealed class TicketTypeConfiguration : IEntityTypeConfiguration<TicketType>
{
    public void Configure(EntityTypeBuilder<TicketType> builder)
    {
        // Invariant 1's last line of defence: whatever the code does, PostgreSQL never stores an oversold type.
        builder.ToTable("ticket_types", t =>
        {
            t.HasCheckConstraint("ck_ticket_types_inventory", "sold >= 0 AND held >= 0 AND sold + held <= capacity");
            t.HasCheckConstraint("ck_ticket_types_price", "price_amount >= 0");
        });
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.SeatType).HasConversion<string>().HasMaxLength(20);
        builder.ComplexProperty(t => t.Price, price =>
        {
            price.Property(m => m.Amount).HasColumnName("price_amount");
            price.Property(m => m.Currency).HasColumnName("price_currency").HasMaxLength(3).IsFixedLength();
        });
        builder.Ignore(t => t.DomainEvents);
    }
}

internal sealed class EventSeatConfiguration : IEntityTypeConfiguration<EventSeat>
{
    public void Configure(EntityTypeBuilder<EventSeat> builder)
    {
        builder.ToTable("event_seats");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Section).HasMaxLength(100);
        builder.Property(s => s.Row).HasMaxLength(20);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Event>().WithMany().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TicketType>().WithMany().HasForeignKey(s => s.TicketTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Claim>().WithMany().HasForeignKey(s => s.ClaimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.EventId, s.Section, s.Row, s.Number }).IsUnique();

        // Invariant 2 in the schema: a held seat names its claim, an available one names none.
        builder.ToTable(t => t.HasCheckConstraint("ck_event_seats_claim", "(status = 'Held') = (claim_id IS NOT NULL)"));
        builder.Ignore(s => s.DomainEvents);
    }
}
