using Npgsql;

namespace Ticketing.Bench;

/// <summary>
/// Product invariants 1, 2 and 6 (docs: product.md), checked in SQL once the run is over: what the database holds,
/// not what the API said. 1–2 are checked for the bench's event, 6 for every wallet in the database.
/// </summary>
public static class InvariantChecks
{
    private static readonly (string Name, string Sql)[] Checks =
    [
        ("1. sold + held ≤ capacity (ticket types over capacity)", """
            SELECT count(*) FROM ticket_types WHERE event_id = @event AND sold + held > capacity
            """),
        ("1. held = quantity in Pending claims (ticket types that differ)", """
            SELECT count(*) FROM ticket_types t
             WHERE t.event_id = @event
               AND t.held <> (SELECT coalesce(sum(i.quantity), 0) FROM claim_items i JOIN claims c ON c.id = i.claim_id
                               WHERE i.ticket_type_id = t.id AND c.status = 'Pending')
            """),
        ("1. sold = valid tickets (ticket types that differ)", """
            SELECT count(*) FROM ticket_types t
             WHERE t.event_id = @event
               AND t.sold <> (SELECT count(*) FROM tickets k WHERE k.ticket_type_id = t.id AND k.status <> 'Void')
            """),
        ("2. a seat in at most one Pending claim or valid ticket (seats twice)", """
            SELECT count(*) FROM (
                SELECT seat FROM (
                    SELECT unnest(i.seat_ids) AS seat FROM claim_items i JOIN claims c ON c.id = i.claim_id
                     WHERE c.event_id = @event AND c.status = 'Pending'
                    UNION ALL
                    SELECT seat_id FROM tickets WHERE event_id = @event AND seat_id IS NOT NULL AND status <> 'Void') taken
                 GROUP BY seat HAVING count(*) > 1) twice
            """),
        ("6. balance = credits − debits, never below zero (wallets that differ)", """
            SELECT count(*) FROM wallets w
             WHERE w.balance < 0
                OR w.balance <> (SELECT coalesce(sum(CASE WHEN x.type = 'Credit' THEN x.amount ELSE -x.amount END), 0)
                                   FROM wallet_transactions x WHERE x.wallet_id = w.id)
            """),
        ("6. a reference moves a wallet's money once (references used twice in a wallet)", """
            SELECT count(*) FROM (SELECT 1 FROM wallet_transactions GROUP BY wallet_id, reference HAVING count(*) > 1) twice
            """),
    ];

    public static async Task<InvariantReport> RunAsync(string connectionString, Guid eventId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var violations = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, sql) in Checks)
        {
            await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new("event", eventId) } };
            violations[name] = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        await using var stock = new NpgsqlCommand(
            """
            SELECT coalesce(sum(sold), 0), coalesce(sum(held), 0),
                   coalesce(sum(greatest(0, sold + held - capacity, valid - capacity)), 0)
              FROM (SELECT t.capacity, t.sold, t.held,
                           (SELECT count(*) FROM tickets k WHERE k.ticket_type_id = t.id AND k.status <> 'Void') AS valid
                      FROM ticket_types t WHERE t.event_id = @event) v
            """,
            connection) { Parameters = { new("event", eventId) } };
        await using var reader = await stock.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new InvariantReport(
            Sold: Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
            Held: Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
            Oversold: Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
            Violations: violations);
    }
}

/// <param name="Oversold">Units beyond capacity per ticket type, by its stock row or by its valid tickets, whichever says more.</param>
public sealed record InvariantReport(long Sold, long Held, long Oversold, IReadOnlyDictionary<string, long> Violations)
{
    public long ViolationCount => Violations.Values.Sum();
}
