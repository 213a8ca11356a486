using MediatR;
using Ticketing.Application.Accounts;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Application.Common.Security;
using Ticketing.Domain.Accounts;

namespace Ticketing.Application.Users.Queries.GetUsers;

[Authorize(Roles = Roles.Admin)]
public sealed record GetUsersQuery(string? Search, int Page = 1, int PageSize = PageRequest.DefaultPageSize)
    : IRequest<PaginatedList<UserDto>>;

public sealed class GetUsersQueryHandler(IIdentityService identity) : IRequestHandler<GetUsersQuery, PaginatedList<UserDto>>
{
    public async Task<PaginatedList<UserDto>> Handle(GetUsersQuery request, CancellationToken cancellationToken)
    {
        var users = await identity.GetUsersAsync(request.Search?.Trim(), request.Page, request.PageSize, cancellationToken);
        return new PaginatedList<UserDto>(
            users.Items.Select(UserDto.From).ToList(), users.TotalCount, users.Page, users.PageSize);
    }
}
