using MediatR;
using Microsoft.Extensions.Logging;

namespace Ticketing.Application.Payments.Commands.AuditMoney;

/// <summary>
/// The AuditMoney job: runs the money audit and logs every drifting payment at Error, and refunds stuck at the
/// provider, so drift is seen rather than assumed away. Changes nothing. Returns how many payments drift.
/// </summary>
public sealed record AuditMoneyCommand : IRequest<int>;

public sealed class AuditMoneyCommandHandler(MoneyAudit audit, ILogger<AuditMoneyCommandHandler> logger) : IRequestHandler<AuditMoneyCommand, int>
{
    public async Task<int> Handle(AuditMoneyCommand request, CancellationToken cancellationToken)
    {
        var result = await audit.RunAsync(cancellationToken);
        foreach (var drift in result.Drifts)
        {
            logger.LogError(
                "Money audit: payment {Reference} ({PaymentId}) captured {Captured} {Currency} but booked {Booked}, credited {Credited}, refunded {Refunded}: {Difference} unaccounted for",
                drift.Reference, drift.PaymentId, drift.Captured, drift.Currency, drift.Booked, drift.Credited, drift.Refunded, drift.Difference);
        }

        foreach (var stale in result.StaleRefunds)
        {
            logger.LogError("Money audit: the refund of payment {Reference} ({PaymentId}), {Captured} {Currency} via {Provider}, is still not confirmed",
                stale.Reference, stale.PaymentId, stale.Captured, stale.Currency, stale.Provider);
        }

        if (result.StuckMoneyMovingMessages > 0)
        {
            logger.LogError("Money audit: {Count} money-moving outbox messages keep failing", result.StuckMoneyMovingMessages);
        }

        return result.Drifts.Count;
    }
}
