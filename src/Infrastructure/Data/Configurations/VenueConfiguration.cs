using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ticketing.Domain.Venues;

namespace Ticketing.Infrastructure.Data.Configurations;

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> builder)
    {
        builder.ToTable("venues");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Name).HasMaxLength(200);
        builder.Property(v => v.Address).HasMaxLength(500);
        builder.Property(v => v.TimeZone).HasMaxLength(64);
        builder.HasIndex(v => v.OwnerId);
        builder.HasMany(v => v.Sections).WithOne().HasForeignKey(s => s.VenueId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Sections).HasField("_sections");
        builder.Ignore(v => v.DomainEvents);
    }
}

internal sealed class VenueSectionConfiguration : IEntityTypeConfiguration<VenueSection>
{
    public void Configure(EntityTypeBuilder<VenueSection> builder)
    {
        builder.ToTable("venue_sections");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.SeatType).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => new { s.VenueId, s.Name }).IsUnique();
        builder.HasMany(s => s.Rows).WithOne().HasForeignKey(r => r.SectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Rows).HasField("_rows");
        builder.Ignore(s => s.DomainEvents);
    }
}

internal sealed class VenueRowConfiguration : IEntityTypeConfiguration<VenueRow>
{
    public void Configure(EntityTypeBuilder<VenueRow> builder)
    {
        builder.ToTable("venue_rows", t => t.HasCheckConstraint("ck_venue_rows_seats", "seats > 0"));
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Label).HasMaxLength(20);
        builder.HasIndex(r => new { r.SectionId, r.Label }).IsUnique();
        builder.Ignore(r => r.DomainEvents);
    }
}
