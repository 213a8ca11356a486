using Npgsql;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Domain.Payments;

namespace Ticketing.Infrastructure.Payments;

public sealed class StrandedRefunds(NpgsqlDataSource dataSource) : IStrandedRefunds
{
    // The outbox payload is the event as camelCase JSON: {"paymentId": "..."}.
    private const string Sql = """
        SELECT p.id
          FROM payments AS p
         WHERE p.status = 'Succeeded'
           AND p.refund_requested_at IS NOT NULL
           AND p.refund_accepted_at IS NULL
           AND p.refund_requested_at <= @requested_before
           AND NOT EXISTS (SELECT 1
                             FROM outbox_messages AS o
                            WHERE o.type = @type
                              AND o.payload ->> 'paymentId' = p.id::text
                              AND o.dead_lettered_at IS NULL)
         ORDER BY p.refund_requested_at
         LIMIT @max_count
        """;

    private static readonly string RefundRequestType = typeof(PaymentRefundRequestedEvent).FullName!;

    public async Task<IReadOnlyList<Guid>> FindAsync(DateTimeOffset requestedBefore, int maxCount, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.AddWithValue("requested_before", requestedBefore);
        command.Parameters.AddWithValue("type", RefundRequestType);
        command.Parameters.AddWithValue("max_count", maxCount);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
