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

    public static async Task<Created<RegisteredUserDto>> Register(IMediator mediator, RegisterCommand command, CancellationToken cancellationToken) =>
        TypedResults.Created((string?)null, await mediator.Send(command, cancellationToken));

    public static async Task<Ok<TokenPairDto>> Login(IMediator mediator, LoginCommand command, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    public static async Task<Ok<TokenPairDto>> Refresh(IMediator mediator, RefreshTokenCommand command, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    public static async Task<NoContent> Logout(IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new LogoutCommand(), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<UserDto>> GetCurrentUser(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCurrentUserQuery(), cancellationToken));

    public static async Task<Accepted> RequestOtp(IMediator mediator, RequestOtpCommand command, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Ok<TokenPairDto>> VerifyOtp(IMediator mediator, VerifyOtpCommand command, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    public static async Task<Accepted> ForgotPassword(IMediator mediator, ForgotPasswordCommand command, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<NoContent> ResetPassword(IMediator mediator, ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> ChangePassword(IMediator mediator, ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.NoContent();
    }
}
