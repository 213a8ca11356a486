using Npgsql;

namespace Ticketing.IntegrationTests.Properties;

/// <summary>
/// Invariants 1–9 of the product (and money conservation, and the per-customer limit) as SQL over the whole database:
/// each query returns one line per row that breaks its rule, so a failure says which ticket type, seat, wallet or
/// payment is wrong and by how much.
/// </summary>
public static class SaleInvariants
{
    private static readonly (string Rule, string Sql)[] Rules =
    [
        ("1: sold + held ≤ capacity, held = Pending claims, sold = valid tickets", """
            SELECT format('ticket type %s %s: capacity %s, sold %s, held %s; Pending claims hold %s, valid tickets %s',
                          tt.name, tt.id, tt.capacity, tt.sold, tt.held, h.q, s.n)
            FROM ticket_types tt
            CROSS JOIN LATERAL (SELECT coalesce(sum(ci.quantity), 0) AS q FROM claim_items ci JOIN claims c ON c.id = ci.claim_id
                                WHERE ci.ticket_type_id = tt.id AND c.status = 'Pending') h
            CROSS JOIN LATERAL (SELECT count(*) AS n FROM tickets t WHERE t.ticket_type_id = tt.id AND t.status IN ('Valid', 'CheckedIn')) s
            WHERE tt.sold + tt.held > tt.capacity OR tt.held <> h.q OR tt.sold <> s.n
            """),
        ("2: a seat is in at most one Pending claim or one valid ticket, and the seat map says which", """
            SELECT format('seat %s %s %s %s: %s, in %s Pending claim(s), %s valid ticket(s)', s.section, s.row, s.number, s.id, s.status, pc.n, vt.n)
            FROM event_seats s
            CROSS JOIN LATERAL (SELECT count(*) AS n FROM claim_items ci JOIN claims c ON c.id = ci.claim_id
                                WHERE c.status = 'Pending' AND s.id = ANY (ci.seat_ids)) pc
            CROSS JOIN LATERAL (SELECT count(*) AS n FROM tickets t WHERE t.seat_id = s.id AND t.status IN ('Valid', 'CheckedIn')) vt
            WHERE pc.n + vt.n > 1
               OR (vt.n = 1 AND s.status <> 'Sold') OR (pc.n = 1 AND s.status <> 'Held') OR (pc.n + vt.n = 0 AND s.status <> 'Available')
            """),
        ("3: one active queue entry per customer and event", """
            SELECT format('customer %s has %s active entries in the queue of event %s', customer_id, count(*), event_id)
            FROM queue_entries WHERE status IN ('Waiting', 'Admitted') GROUP BY customer_id, event_id HAVING count(*) > 1
            """),
        ("6: wallet balance = credits − debits ≥ 0", """
            SELECT format('wallet %s of customer %s: balance %s, credits − debits %s', w.id, w.customer_id, w.balance,
                          coalesce(sum(CASE t.type WHEN 'Credit' THEN t.amount ELSE -t.amount END), 0))
            FROM wallets w LEFT JOIN wallet_transactions t ON t.wallet_id = w.id
            GROUP BY w.id, w.customer_id, w.balance
            HAVING w.balance < 0 OR w.balance <> coalesce(sum(CASE t.type WHEN 'Credit' THEN t.amount ELSE -t.amount END), 0)
            """),
        ("6: each reference moves money once", """
            SELECT format('reference %s moved money %s times', reference, count(*)) FROM wallet_transactions GROUP BY reference HAVING count(*) > 1
            """),
        ("7: each webhook takes effect once", """
            SELECT format('notice %s %s %s recorded %s times', provider, event_name, provider_event_id, count(*))
            FROM payment_webhook_inbox GROUP BY provider, event_name, provider_event_id HAVING count(*) > 1
            """),
        // Invariants 8 and 11 per payment. A refund still in the outbox (requested, its message undelivered and not
        // given up) is money on its way back, and the wallet part of a payment whose claim still waits for the card is
        // on its way in; anything else taken must be in a ticket, a credit or a card refund.
        ("8/11: captured = booked (non-void tickets) + credited back + refunded to the card", """
            SELECT format('payment %s (%s, %s, %s): took %s (card %s, wallet %s) but booked %s, credited back %s, refunded to card %s, in flight %s',
                          p.reference, p.purpose, p.method, p.status, ci.v + wi.v, ci.v, wi.v, bk.v, cr.v, rf.v, fl.v)
            FROM payments p
            CROSS JOIN LATERAL (SELECT CASE WHEN p.status IN ('Succeeded', 'Refunded') THEN p.card_amount ELSE 0 END AS v) ci
            CROSS JOIN LATERAL (SELECT coalesce(sum(t.amount), 0) AS v FROM wallet_transactions t
                                WHERE t.type = 'Debit' AND t.reference = 'payment:' || p.id || ':wallet') wi
            CROSS JOIN LATERAL (SELECT coalesce(sum(t.price_amount), 0) AS v FROM bookings b JOIN tickets t ON t.booking_id = b.id
                                WHERE b.payment_id = p.id AND t.status <> 'Void') bk
            CROSS JOIN LATERAL (SELECT coalesce(sum(t.amount), 0) AS v FROM wallet_transactions t
                                WHERE t.type = 'Credit'
                                  AND (t.reference IN ('payment:' || p.id || ':wallet-return', 'refund:' || p.id, 'topup:' || p.id)
                                       OR t.reference IN (SELECT 'booking-refund:' || b.id FROM bookings b WHERE b.payment_id = p.id))) cr
            CROSS JOIN LATERAL (SELECT CASE WHEN p.status = 'Refunded'
                                             AND NOT EXISTS (SELECT 1 FROM wallet_transactions t WHERE t.reference = 'refund:' || p.id)
                                            THEN p.card_amount ELSE 0 END AS v) rf
            CROSS JOIN LATERAL (SELECT CASE WHEN p.status = 'Succeeded' AND p.refund_requested_at IS NOT NULL
                                             AND EXISTS (SELECT 1 FROM outbox_messages o WHERE o.processed_at IS NULL
                                                         AND o.dead_lettered_at IS NULL AND o.payload::text LIKE '%' || p.id || '%')
                                            THEN p.card_amount ELSE 0 END
                                     + CASE WHEN p.status = 'Pending' AND EXISTS (SELECT 1 FROM claims c WHERE c.id = p.claim_id AND c.status = 'Pending')
                                            THEN wi.v ELSE 0 END AS v) fl
            WHERE ci.v + wi.v <> bk.v + cr.v + rf.v + fl.v
            """),
        ("9: a used ticket is never refunded as unused", """
            SELECT format('booking %s: cancelled with %s used ticket(s), %s of its %s went back though the void tickets are worth %s',
                          b.id, used.n, back.v, b.total_amount, voided.v)
            FROM bookings b
            CROSS JOIN LATERAL (SELECT count(*) AS n FROM tickets t WHERE t.booking_id = b.id AND t.status = 'CheckedIn') used
            CROSS JOIN LATERAL (SELECT coalesce(sum(t.price_amount), 0) AS v FROM tickets t WHERE t.booking_id = b.id AND t.status = 'Void') voided
            CROSS JOIN LATERAL (SELECT coalesce((SELECT sum(amount) FROM wallet_transactions WHERE reference = 'booking-refund:' || b.id), 0)
                                     + coalesce((SELECT p.amount FROM payments p WHERE p.id = b.payment_id AND p.status = 'Refunded'), 0) AS v) back
            WHERE b.status = 'Cancelled' AND used.n > 0 AND back.v > voided.v
            """),
        ("limit: no customer holds more than the per-customer limit (valid tickets + Pending claims)", """
            SELECT format('customer %s holds %s for event %s, whose limit is %s', x.customer_id, x.n, e.id, e.max_tickets_per_customer)
            FROM (SELECT customer_id, event_id, sum(n) AS n
                  FROM (SELECT b.customer_id, b.event_id, count(*) AS n FROM tickets t JOIN bookings b ON b.id = t.booking_id
                        WHERE t.status IN ('Valid', 'CheckedIn') AND b.customer_id IS NOT NULL GROUP BY b.customer_id, b.event_id
                        UNION ALL
                        SELECT c.customer_id, c.event_id, sum(ci.quantity) FROM claims c JOIN claim_items ci ON ci.claim_id = c.id
                        WHERE c.status = 'Pending' GROUP BY c.customer_id, c.event_id) held
                  GROUP BY customer_id, event_id) x
            JOIN events e ON e.id = x.event_id
            WHERE x.n > e.max_tickets_per_customer
            """),
    ];

    /// <summary>Every broken rule, as "rule: the offending row"; empty when all hold.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(string connectionString)
    {
        var violations = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var (rule, sql) in Rules)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                violations.Add($"[{rule}] {reader.GetString(0)}");
            }
        }

        return violations;
    }
}
