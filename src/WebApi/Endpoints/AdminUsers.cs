using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Application.Accounts;
using Ticketing.Application.Accounts.Commands.Register;
using Ticketing.Application.Common.Models;
using Ticketing.Application.Users.Commands.CreateUser;
using Ticketing.Application.Users.Commands.SetUserRoles;
using Ticketing.Application.Users.Queries.GetUsers;
using Ticketing.WebApi.Common;

namespace Ticketing.WebApi.Endpoints;

/// <summary>Admin only: the role rule sits on each request (Application), the group only demands a token.</summary>
public sealed class AdminUsers : EndpointGroup
{
    public override string Prefix => "/api/admin/users";

    public override void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost(CreateUser)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet(GetUsers)
            .ProducesValidationProblem();
        group.MapPut(SetUserRoles, "{id}/roles")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Create an account with roles, e.g. an organizer or door staff (Admin).</summary>
    public static async Task<Created<RegisteredUserDto>> CreateUser(IMediator mediator, CreateUserCommand command, CancellationToken cancellationToken) =>
        TypedResults.Created((string?)null, await mediator.Send(command, cancellationToken));

    /// <summary>List or search accounts (Admin).</summary>
    public static async Task<Ok<PaginatedList<UserDto>>> GetUsers(
        IMediator mediator, string? search, CancellationToken cancellationToken, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new GetUsersQuery(search, page, pageSize), cancellationToken));

    /// <summary>Replace an account's roles (Admin); removing a role ends the account's sessions at once.</summary>
    public static async Task<Ok<UserDto>> SetUserRoles(
        IMediator mediator, Guid id, SetUserRolesRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new SetUserRolesCommand(id, request.Roles ?? []), cancellationToken));
}

public sealed record SetUserRolesRequest(IReadOnlyList<string>? Roles);
