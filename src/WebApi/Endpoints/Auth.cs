using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Application.Accounts;
using Ticketing.Application.Accounts.Commands.ChangePassword;
using Ticketing.Application.Accounts.Commands.ForgotPassword;
using Ticketing.Application.Accounts.Commands.Login;
using Ticketing.Application.Accounts.Commands.Logout;
using Ticketing.Application.Accounts.Commands.RefreshToken;
using Ticketing.Application.Accounts.Commands.Register;
using Ticketing.Application.Accounts.Commands.RequestOtp;
using Ticketing.Application.Accounts.Commands.ResetPassword;
using Ticketing.Application.Accounts.Commands.VerifyOtp;
using Ticketing.Application.Accounts.Queries.GetCurrentUser;
using Ticketing.WebApi.Common;

namespace Ticketing.WebApi.Endpoints;

public sealed class Auth : EndpointGroup
{
    public override string Prefix => "/api/auth";

    public override void Map(RouteGroupBuilder group)
    {
        group.MapPost(Register, "register")
            .RateLimitedPerAccountAndIp(RateLimiting.Register)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost(Login, "login")
            .RateLimitedPerAccountAndIp(RateLimiting.Login)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost(Refresh, "refresh")
            .RateLimitedPerTokenAndIp(RateLimiting.Refresh)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost(Logout, "logout")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet(GetCurrentUser, "me")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost(RequestOtp, "otp/request")
            .RateLimitedPerAccountAndIp(RateLimiting.Otp)
            .ProducesValidationProblem();
        group.MapPost(VerifyOtp, "otp/verify")
            .RateLimitedPerAccountAndIp(RateLimiting.Otp)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost(ForgotPassword, "password/forgot")
            .RateLimited(RateLimiting.Auth)
            .ProducesValidationProblem();
        group.MapPost(ResetPassword, "password/reset")
            .RateLimited(RateLimiting.Auth)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost(ChangePassword, "password/change")
            .RequireAuthorization()
            .RateLimited(RateLimiting.Auth)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Open a customer account.</summary>
    public static async Task<Created<RegisteredUserDto>> Register(IMediator mediator, RegisterCommand command, CancellationToken cancellationToken) =>
        TypedResults.Created((string?)null, await mediator.Send(command, cancellationToken));

    /// <summary>Sign in with email and password: an access token (send it as "Authorization: Bearer …") and a refresh token.</summary>
    public static async Task<Ok<TokenPairDto>> Login(IMediator mediator, LoginCommand command, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    /// <summary>Trade a refresh token for a new token pair; the old refresh token stops working.</summary>
    public static async Task<Ok<TokenPairDto>> Refresh(IMediator mediator, RefreshTokenCommand command, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    /// <summary>End this session: its access and refresh tokens stop working at once.</summary>
    public static async Task<NoContent> Logout(IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new LogoutCommand(), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Who the access token belongs to: id, email, name and roles.</summary>
    public static async Task<Ok<UserDto>> GetCurrentUser(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCurrentUserQuery(), cancellationToken));

    /// <summary>Email a one-time sign-in code (a new address gets a customer account); answers 202 whatever the address.</summary>
    public static async Task<Accepted> RequestOtp(IMediator mediator, RequestOtpCommand command, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>Sign in with an emailed one-time code.</summary>
    public static async Task<Ok<TokenPairDto>> VerifyOtp(IMediator mediator, VerifyOtpCommand command, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    /// <summary>Email a password-reset token to the account, if there is one; answers 202 whatever the address.</summary>
    public static async Task<Accepted> ForgotPassword(IMediator mediator, ForgotPasswordCommand command, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>Set a new password with an emailed reset token; every session of the account ends.</summary>
    public static async Task<NoContent> ResetPassword(IMediator mediator, ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Change your password (the current one is required); your other sessions end.</summary>
    public static async Task<NoContent> ChangePassword(IMediator mediator, ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.NoContent();
    }
}
