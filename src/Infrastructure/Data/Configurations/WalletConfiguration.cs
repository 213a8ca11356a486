using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ticketing.Domain.Wallets;

namespace Ticketing.Infrastructure.Data.Configurations;

internal sealed class WalletConfiguration : IEntityTypeConfiguration<Wallet>
{
    public void Configure(EntityTypeBuilder<Wallet> builder)
    {
        // Invariant 6's floor: whatever the code does, no balance is ever stored below zero.
        builder.ToTable("wallets", t => t.HasCheckConstraint("ck_wallets_balance", "balance >= 0"));
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Currency).HasMaxLength(3).IsFixedLength();
        builder.HasIndex(w => new { w.CustomerId, w.Currency }).IsUnique();
        builder.Ignore(w => w.DomainEvents);
    }
}

internal sealed class WalletTransactionConfiguration : IEntityTypeConfiguration<WalletTransaction>
{
    public void Configure(EntityTypeBuilder<WalletTransaction> builder)
    {
        builder.ToTable("wallet_transactions", t =>
        {
            t.HasCheckConstraint("ck_wallet_transactions_amount", "amount > 0");
            t.HasCheckConstraint("ck_wallet_transactions_balance_after", "balance_after >= 0");
        });
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Type).HasConversion<string>().HasMaxLength(10);
        builder.Property(t => t.Reason).HasMaxLength(200);
        builder.Property(t => t.Reference).HasMaxLength(120);

        // A reference moves a wallet's money once, however often it is retried.
        builder.HasIndex(t => new { t.WalletId, t.Reference }).IsUnique();
        builder.HasIndex(t => new { t.WalletId, t.CreatedAt });
        builder.HasOne<Wallet>().WithMany().HasForeignKey(t => t.WalletId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(t => t.DomainEvents);
    }
}
