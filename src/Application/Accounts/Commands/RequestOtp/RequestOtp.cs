using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Accounts.Commands.RequestOtp;

/// <summary>
/// Mails a sign-in code to the address, opening a customer account for an address it has not seen. The answer
/// is the same whatever the address, so it tells nobody which addresses have accounts.
/// </summary>
public sealed record RequestOtpCommand(string Email) : IRequest<Unit>;

public sealed class RequestOtpCommandHandler(
    IApplicationDbContext context,
    IIdentityService identity,
    IWalletLedger wallets,
    IOptions<PaymentOptions> paymentOptions,
    IOneTimeSecrets secrets,
    AccountLocks locks,
    TimeProvider timeProvider) : IRequestHandler<RequestOtpCommand, Unit>
{
    public async Task<Unit> Handle(RequestOtpCommand request, CancellationToken cancellationToken)
    {
        var email = request.Email.Trim();
        var user = await identity.FindUserByEmailAsync(email, cancellationToken) ?? await OpenCustomerAccountAsync(email, cancellationToken);
        if (!OneTimeCode.IsAllowedFor(user.Roles))
        {
            return Unit.Value;
        }

        await using var transaction = await locks.OneTimeCodesAsync(user.Id, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var live = await context.OneTimeCodes
            .Where(c => c.UserId == user.Id && c.UsedAt == null && c.SupersededAt == null)
            .ToListAsync(cancellationToken);
        foreach (var older in live)
        {
            older.Supersede(now);
        }

        // Saved before the new code is added: the unique index on an account's live code must never see two.
        await context.SaveChangesAsync(cancellationToken);
        var code = secrets.NewCode();
        context.OneTimeCodes.Add(OneTimeCode.Issue(user.Id, user.Email, code, secrets.Hash(code), now));
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task<UserSummary> OpenCustomerAccountAsync(string email, CancellationToken cancellationToken)
    {
        try
        {
            var userId = await identity.CreatePasswordlessUserAsync(email, DisplayNameOf(email), [Roles.Customer], cancellationToken);
            await wallets.WalletOfAsync(userId, paymentOptions.Value.WalletCurrency, cancellationToken);
        }
        catch (ConflictException)
        {
            // A parallel request for the same new address opened the account first; use that one, and forget the
            // account this request failed to save so that no later save tries it again.
            context.DiscardTrackedChanges();
        }

        return await identity.FindUserByEmailAsync(email, cancellationToken)
            ?? throw new InvalidOperationException("The account was just opened but cannot be found.");
    }

    /// <summary>The customer gave only an address; its local part is a name they can change later.</summary>
    private static string DisplayNameOf(string email)
    {
        var local = email[..Math.Max(email.IndexOf('@'), 1)];
        return local.Length > 100 ? local[..100] : local;
    }
}
