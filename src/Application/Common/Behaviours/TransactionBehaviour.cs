using MediatR;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Application.Common.Behaviours;

/// <summary>
/// One unit of work around an <see cref="ITransactional"/> command: begin, the handler (which saves, as every handler
/// does), commit — then the after-commit work. Innermost, so authorization and validation never open a transaction.
/// A command sent while one is open joins it, and commits with it.
/// </summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ITransactional || unitOfWork.IsOpen)
        {
            return await next();
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var response = await next();
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}
