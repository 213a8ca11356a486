using MediatR;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Accounts.Commands.Register;

/// <summary>Self-service sign-up; every new account is a Customer.</summary>
public sealed record RegisterCommand(string Email, string Password, string DisplayName) : IRequest<RegisteredUserDto>;

public sealed record RegisteredUserDto(Guid UserId);

public sealed class RegisterCommandHandler(IIdentityService identity, IWalletLedger wallets, IOptions<PaymentOptions> options)
    : IRequestHandler<RegisterCommand, RegisteredUserDto>
{
    public async Task<RegisteredUserDto> Handle(RegisterCommand request, CancellationToken cancellationToken)
    {
        var userId = await identity.CreateUserAsync(
            request.Email.Trim(), request.Password, request.DisplayName.Trim(), [Roles.Customer], cancellationToken);

        // Every customer has a wallet from the start; other currencies open on their first credit.
        await wallets.WalletOfAsync(userId, options.Value.WalletCurrency, cancellationToken);
        return new RegisteredUserDto(userId);
    }
}
