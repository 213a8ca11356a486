using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ticketing.Domain.Accounts;
using Ticketing.Infrastructure.Identity;

namespace Ticketing.Infrastructure.Data.Configurations;

internal sealed class OneTimeCodeConfiguration : IEntityTypeConfiguration<OneTimeCode>
{
    public void Configure(EntityTypeBuilder<OneTimeCode> builder)
    {
        builder.ToTable("one_time_codes");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.CodeHash).HasMaxLength(64).IsRequired();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);

        // Only the newest code of an account is live.
        builder.HasIndex(c => c.UserId)
            .IsUnique()
            .HasFilter("used_at IS NULL AND superseded_at IS NULL")
            .HasDatabaseName("ux_one_time_codes_live");
        builder.Ignore(c => c.DomainEvents);
    }
}

internal sealed class PasswordResetTokenConfiguration : IEntityTypeConfiguration<PasswordResetToken>
{
    public void Configure(EntityTypeBuilder<PasswordResetToken> builder)
    {
        builder.ToTable("password_reset_tokens");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);

        // Only the newest token of an account is live.
        builder.HasIndex(t => t.UserId)
            .IsUnique()
            .HasFilter("used_at IS NULL AND superseded_at IS NULL")
            .HasDatabaseName("ux_password_reset_tokens_live");
        builder.Ignore(t => t.DomainEvents);
    }
}

internal sealed class PasswordHistoryEntryConfiguration : IEntityTypeConfiguration<PasswordHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PasswordHistoryEntry> builder)
    {
        builder.ToTable("password_history");
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.PasswordHash).HasMaxLength(256).IsRequired();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.UserId, e.Id });
    }
}
