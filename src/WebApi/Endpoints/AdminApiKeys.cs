using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Application.ApiKeys;
using Ticketing.Application.ApiKeys.Commands.IssueApiKey;
using Ticketing.Application.ApiKeys.Commands.RevokeApiKey;
using Ticketing.Application.ApiKeys.Queries.GetApiKeys;
using Ticketing.Application.Common.Models;
using Ticketing.WebApi.Common;

namespace Ticketing.WebApi.Endpoints;

/// <summary>Keys for client applications (Admin only; the role rule sits on each request).</summary>
public sealed class AdminApiKeys : EndpointGroup
{
    public override string Prefix => "/api/admin/api-keys";

    public override void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost(IssueApiKey)
            .ProducesValidationProblem();
        group.MapGet(GetApiKeys)
            .ProducesValidationProblem();
        group.MapDelete(RevokeApiKey, "{id}")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Issue an API key for a client app (Admin). The key is shown once, in this answer only.</summary>
    public static async Task<Created<IssuedApiKeyDto>> IssueApiKey(IMediator mediator, IssueApiKeyCommand command, CancellationToken cancellationToken) =>
        TypedResults.Created((string?)null, await mediator.Send(command, cancellationToken));

    /// <summary>List the API keys, newest first, without their secrets (Admin).</summary>
    public static async Task<Ok<PaginatedList<ApiKeyDto>>> GetApiKeys(
        IMediator mediator, CancellationToken cancellationToken, int page = 1, int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new GetApiKeysQuery(page, pageSize), cancellationToken));

    /// <summary>Revoke an API key at once (Admin).</summary>
    public static async Task<NoContent> RevokeApiKey(IMediator mediator, Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new RevokeApiKeyCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }
}
