using MediatR;
using Ticketing.Application.Common.Exceptions;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Security;

namespace Ticketing.Application.Accounts.Queries.GetCurrentUser;

[Authorize]
public sealed record GetCurrentUserQuery : IRequest<UserDto>;

public sealed class GetCurrentUserQueryHandler(IIdentityService identity, ICurrentUser currentUser)
    : IRequestHandler<GetCurrentUserQuery, UserDto>
{
    public async Task<UserDto> Handle(GetCurrentUserQuery request, CancellationToken cancellationToken)
    {
        var user = await identity.FindUserAsync(currentUser.UserId!.Value, cancellationToken)
            ?? throw new NotFoundException("User");
        return UserDto.From(user);
    }
}
