using MediatR;
using Microsoft.Extensions.Logging;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Application.Inventory.Commands.Reconcile;

/// <summary>
/// Proves invariants 1 and 2 (the Reconcile job): heals <c>held</c> drift from the Pending claims, frees seats held by
/// claims that ended, and reports <c>sold</c> drift. Every fix is logged; in a healthy system there are none.
/// </summary>
public sealed record ReconcileCommand : IRequest<ReconcileReport>;

public sealed record ReconcileReport(IReadOnlyList<HeldDrift> HeldRepaired, int SeatsReleased, IReadOnlyList<SoldDrift> SoldDrift);

public sealed class ReconcileCommandHandler(IInventory inventory, ILogger<ReconcileCommandHandler> logger)
    : IRequestHandler<ReconcileCommand, ReconcileReport>
{
    public async Task<ReconcileReport> Handle(ReconcileCommand request, CancellationToken cancellationToken)
    {
        var held = await inventory.RepairHeldAsync(cancellationToken);
        foreach (var drift in held)
        {
            logger.LogWarning(
                "Reconcile: ticket type {TicketTypeId} had held = {Was}, its pending claims hold {Now}; repaired",
                drift.TicketTypeId, drift.Was, drift.Now);
        }

        var seats = await inventory.ReleaseOrphanedSeatsAsync(cancellationToken);
        if (seats > 0)
        {
            logger.LogWarning("Reconcile: {Count} seats were held by claims that had ended; released", seats);
        }

        var sold = await inventory.FindSoldDriftAsync(cancellationToken);
        foreach (var drift in sold)
        {
            logger.LogError(
                "Reconcile: ticket type {TicketTypeId} has sold = {Sold} but {ValidTickets} valid tickets; needs a person",
                drift.TicketTypeId, drift.Sold, drift.ValidTickets);
        }

        return new ReconcileReport(held, seats, sold);
    }
}
