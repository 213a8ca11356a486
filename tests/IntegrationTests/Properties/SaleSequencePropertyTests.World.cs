using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Ticketing.Application.Bookings.Commands.RefundCancelledEvents;
using Ticketing.Application.Claims;
using Ticketing.Application.Claims.Commands.ExpireClaims;
using Ticketing.Application.Outbox.Commands.DispatchOutbox;
using Ticketing.Application.Payments;
using Ticketing.Application.Payments.Commands.VerifyPendingPayments;
using Ticketing.Application.Queue;
using Ticketing.Application.Queue.Commands.AdmitFromQueue;
using Ticketing.Application.Queue.Commands.ExpireAdmissions;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Properties;

public sealed partial class SaleSequencePropertyTests
{
    /// <summary>
    /// One sale: an organizer, a door-staff member and three customers, a general-admission event, a seated one and a
    /// queued one, all starting in 12 hours. It remembers only what a client would — the claims, payments and notices
    /// it was given — and resolves each step's choices against them; the database is the judge.
    /// </summary>
    private sealed class World
    {
        private static readonly TimeSpan DoorOpensBeforeStart = TimeSpan.FromHours(4);

        private readonly SaleSequencePropertyTests _test;
        private readonly List<string> _trace = [];
        private readonly List<(int Owner, Guid Id)> _claims = [];
        private readonly List<(int Owner, Guid Id, string Reference, long CardAmount)> _payments = [];
        private readonly List<Notice> _notices = [];
        private readonly List<Guid> _bookings = [];

        private Actor _organizer = null!;
        private Actor _staff = null!;
        private Actor[] _customers = [];
        private DateTimeOffset _startsAt;
        private Guid _gaEvent;
        private Guid _gaType;
        private Guid _seatedEvent;
        private Guid[] _seats = [];
        private Guid _queuedEvent;
        private Guid _queuedType;

        private World(SaleSequencePropertyTests test) => _test = test;

        private Guid[] Events => [_gaEvent, _seatedEvent, _queuedEvent];

        public static async Task<World> OpenAsync(SaleSequencePropertyTests test)
        {
            var world = new World(test);
            await world.SetUpAsync();
            return world;
        }

        public async Task RunAsync(IReadOnlyList<SaleStep> steps)
        {
            for (var i = 0; i < steps.Count; i++)
            {
                var before = _trace.Count;
                try
                {
                    await StepAsync(steps[i]);
                }
                catch (Exception ex)
                {
                    throw new InvalidOperationException($"Step {i + 1}, {steps[i]}, failed: {ex.Message}{Environment.NewLine}{Trace()}", ex);
                }

                if (_trace.Count == before)
                {
                    _trace.Add($"{steps[i]}: nothing to act on");
                }

                await LearnNewBookingsAsync();
            }

            // What the Worker would finish on its own before anyone looked: every claim past its TTL and the card grace
            // (10 + 5 minutes) ended and its unfinished payment given up, cancelled events unwound, refunds sent.
            await AdvanceAsync(TimeSpan.FromMinutes(16));
            _trace.Add("the sale settles: 16 minutes pass; the Worker expires claims and admissions");
            await UnwindCancelledEventsAsync();

            // A card payment of a claim a cancellation ended waits for the verification sweep (ADR 13), which the
            // Worker runs every minute: by now every such claim is over, so one sweep asks about them all.
            await _test.SendAsync(new VerifyPendingPaymentsCommand());
            await DrainOutboxAsync();
            var violations = await SaleInvariants.ViolationsAsync(_test.Fixture.ConnectionString);
            if (violations.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Invariants broken after the sequence:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", violations)}{Environment.NewLine}{Trace()}");
            }
        }

        private string Trace() => $"What happened:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", _trace)}";

        private async Task SetUpAsync()
        {
            _organizer = await ActorAsync("Organizer");
            _staff = await ActorAsync("Staff");
            _customers = [await ActorAsync("Customer"), await ActorAsync("Customer"), await ActorAsync("Customer")];
            var now = _test.Clock.GetUtcNow();
            _startsAt = now.AddHours(12);

            var ga = await _organizer.Client.CreateEventAsync(new
            {
                title = "General admission",
                startsAt = _startsAt,
                endsAt = _startsAt.AddHours(3),
                saleStartsAt = now.AddHours(-1),
                currency = "USD",
                ticketTypes = new[] { new { name = "General", price = 25.50m, capacity = 10 } },
                maxTicketsPerCustomer = 4,
            });
            (_gaEvent, _gaType) = (ga.Id, ga.TicketTypes[0].Id);

            var venue = await _organizer.Client.CreateVenueAsync();
            _seatedEvent = (await _organizer.Client.CreateEventAsync(new
            {
                title = "Seated",
                venueId = venue.Id,
                startsAt = _startsAt,
                endsAt = _startsAt.AddHours(3),
                saleStartsAt = now.AddHours(-1),
                currency = "USD",
                seatPrices = new { standard = 12.50m, deluxe = 40m },
                maxTicketsPerCustomer = 4,
            })).Id;

            var queued = await _organizer.Client.CreateEventAsync(SellingApi.Queued(_startsAt, now.AddHours(-1), capacity: 5));
            (_queuedEvent, _queuedType) = (queued.Id, queued.TicketTypes[0].Id);

            foreach (var eventId in Events)
            {
                await _organizer.Client.PublishAsync(eventId);
                var staffed = await _organizer.Client.PutAsJsonAsync($"/api/events/{eventId}/staff", new { userIds = new[] { _staff.Id } });
                staffed.StatusCode.ShouldBe(HttpStatusCode.OK, await staffed.Content.ReadAsStringAsync());
            }

            _seats = [.. await GuidsAsync(
                "SELECT id FROM event_seats WHERE event_id = @event ORDER BY section_position, row_position, number", ("event", _seatedEvent))];
        }

        private Task StepAsync(SaleStep step) => step.Act switch
        {
            SaleAct.ClaimQuantity => ClaimQuantityAsync(step),
            SaleAct.ClaimSeats => ClaimSeatsAsync(step),
            SaleAct.JoinQueue => JoinQueueAsync(step),
            SaleAct.Admit => AdmitAsync(step),
            SaleAct.ClaimWithAdmission => ClaimWithAdmissionAsync(step),
            SaleAct.Pay => PayAsync(step),
            SaleAct.TopUp => TopUpAsync(step),
            SaleAct.Webhook => WebhookAsync(step),
            SaleAct.ReplayWebhook => ReplayWebhookAsync(step),
            SaleAct.Release => ReleaseAsync(step),
            SaleAct.Expire => ExpireAsync(step),
            SaleAct.CancelAsCustomer => CancelAsCustomerAsync(step),
            SaleAct.CancelAsOrganizer => CancelAsOrganizerAsync(step),
            SaleAct.CancelEvent => CancelEventAsync(step),
            SaleAct.CheckIn => CheckInAsync(step),
            SaleAct.BoxOffice => BoxOfficeAsync(step),
            SaleAct.DispatchOutbox => DrainOutboxAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };

        private async Task ClaimQuantityAsync(SaleStep step)
        {
            var quantity = 1 + (step.B % 5);
            var response = await _customers[step.Who].Client.ClaimAsync(_gaEvent, _gaType, quantity);
            await LearnClaimAsync(step, $"claims {quantity} general admission", response);
        }

        private async Task ClaimSeatsAsync(SaleStep step)
        {
            var seats = Enumerable.Range(0, 1 + (step.B % 3)).Select(k => _seats[(step.A + (k * 7)) % _seats.Length]).Distinct().ToList();
            var response = await _customers[step.Who].Client.ClaimSeatsAsync(_seatedEvent, seats);
            await LearnClaimAsync(step, $"claims seats #{string.Join(", #", seats.Select(s => Array.IndexOf(_seats, s)))}", response);
        }

        private async Task JoinQueueAsync(SaleStep step)
        {
            var response = await _customers[step.Who].Client.PostAsync($"/api/events/{_queuedEvent}/queue", null);
            await ExpectAsync(step, "joins the queue", response, HttpStatusCode.Created, "409 ALREADY_QUEUED", "409 INVALID_STATE");
        }

        private async Task AdmitAsync(SaleStep step)
        {
            var admitted = await _test.SendAsync(new AdmitFromQueueCommand());
            _trace.Add($"{step}: the Worker admits {admitted}");
        }

        private async Task ClaimWithAdmissionAsync(SaleStep step)
        {
            var customer = _customers[step.Who].Client;
            var entry = await customer.GetAsync($"/api/events/{_queuedEvent}/queue/me");
            await ExpectAsync(step, "polls the queue", entry, HttpStatusCode.OK, "404 NOT_FOUND");
            var token = entry.IsSuccessStatusCode ? (await entry.Content.ReadFromJsonAsync<QueueEntryDto>(ApiJson.Options))!.Admission?.Token : null;
            var quantity = 1 + (step.B % 4);
            var response = await customer.ClaimAsync(_queuedEvent, _queuedType, quantity, token);
            await LearnClaimAsync(step, $"claims {quantity} in the queued sale {(token is null ? "without" : "with")} an admission", response);
        }

        private async Task PayAsync(SaleStep step)
        {
            var own = _claims.Where(c => c.Owner == step.Who).ToList();
            if (own.Count == 0)
            {
                return;
            }

            var claim = Pick(own, step.A);
            var method = new[] { "Card", "Wallet", "Split" }[step.B % 3];
            if (step.B % 10 == 9)
            {
                // Another customer pays for it: their claim is none of this customer's business.
                var intruder = (step.Who + 1) % SaleStep.Customers;
                var foreign = await _customers[intruder].Client.PayAsync(claim.Id, method);
                await ExpectAsync(step, $"customer {intruder} pays customer {step.Who}'s claim {Name(claim.Id)}", foreign, HttpStatusCode.NotFound);
                return;
            }

            var response = await _customers[step.Who].Client.PayAsync(claim.Id, method);
            if (await ExpectAsync(step, $"pays claim {Name(claim.Id)} by {method}", response, HttpStatusCode.Created, "409 CLAIM_EXPIRED", "409 INSUFFICIENT_FUNDS", "409 INVALID_STATE"))
            {
                await LearnPaymentAsync(step.Who, response);
            }
        }

        private async Task TopUpAsync(SaleStep step)
        {
            var amount = 10 + step.A;
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/wallet/top-ups") { Content = JsonContent.Create(new { amount, currency = "USD" }) };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            var response = await _customers[step.Who].Client.SendAsync(request);
            await ExpectAsync(step, $"tops up {amount} USD", response, HttpStatusCode.Created);
            var payment = await LearnPaymentAsync(step.Who, response);
            if (step.B % 3 != 0)
            {
                await NotifyAsync(step, "charge.success", payment);
            }
        }

        private async Task WebhookAsync(SaleStep step)
        {
            var byCard = _payments.Where(p => p.CardAmount > 0).ToList();
            if (byCard.Count == 0)
            {
                return;
            }

            var payment = Pick(byCard, step.A);
            var refundAsked = await _test.ScalarAsync<bool>("SELECT refund_requested_at IS NOT NULL FROM payments WHERE id = @id", ("id", payment.Id));
            var eventName = (step.B % 10) switch
            {
                < 6 => "charge.success",
                < 9 => "charge.failed",
                _ => refundAsked ? "refund.processed" : "charge.success",
            };
            var notice = await NotifyAsync(step, eventName, payment);
            if (step.B % 2 == 0)
            {
                await SendAsync(step, notice, "delivered again at once");
            }
        }

        private async Task ReplayWebhookAsync(SaleStep step)
        {
            if (_notices.Count > 0)
            {
                await SendAsync(step, _notices[step.A % _notices.Count], "replayed");
            }
        }

        private async Task ReleaseAsync(SaleStep step)
        {
            var own = _claims.Where(c => c.Owner == step.Who).ToList();
            if (own.Count == 0)
            {
                return;
            }

            var claim = Pick(own, step.A);
            if (step.B % 10 == 9)
            {
                var intruder = (step.Who + 1) % SaleStep.Customers;
                var foreign = await _customers[intruder].Client.DeleteAsync($"/api/claims/{claim.Id}");
                await ExpectAsync(step, $"customer {intruder} releases customer {step.Who}'s claim {Name(claim.Id)}", foreign, HttpStatusCode.NotFound);
                return;
            }

            var response = await _customers[step.Who].Client.DeleteAsync($"/api/claims/{claim.Id}");
            await ExpectAsync(step, $"releases claim {Name(claim.Id)}", response, HttpStatusCode.NoContent, "409 INVALID_STATE", "409 CLAIM_EXPIRED");
        }

        private async Task ExpireAsync(SaleStep step)
        {
            var minutes = 5 + (step.A % 12);
            await AdvanceAsync(TimeSpan.FromMinutes(minutes));
            _trace.Add($"{step}: {minutes} minutes pass; the Worker expires claims and admissions");
        }

        private async Task CancelAsCustomerAsync(SaleStep step)
        {
            var own = await GuidsAsync("SELECT id FROM bookings WHERE customer_id = @customer", ("customer", _customers[step.Who].Id));
            var known = _bookings.Where(own.Contains).ToList();
            if (known.Count == 0)
            {
                return;
            }

            var booking = known[step.A % known.Count];
            if (step.B % 10 == 9)
            {
                var intruder = (step.Who + 1) % SaleStep.Customers;
                var foreign = await _customers[intruder].Client.PostAsync($"/api/bookings/{booking}/cancel", null);
                await ExpectAsync(step, $"customer {intruder} cancels customer {step.Who}'s booking {Name(booking)}", foreign, HttpStatusCode.NotFound);
                return;
            }

            var response = await _customers[step.Who].Client.PostAsync($"/api/bookings/{booking}/cancel", null);
            await ExpectAsync(step, $"cancels booking {Name(booking)}", response, HttpStatusCode.OK, "409 INVALID_STATE", "409 TICKET_USED");
        }

        private async Task CancelAsOrganizerAsync(SaleStep step)
        {
            if (_bookings.Count == 0)
            {
                return;
            }

            var booking = _bookings[step.A % _bookings.Count];
            if (step.B % 5 == 4)
            {
                // Door staff check tickets in; they never cancel a booking.
                var byStaff = await _staff.Client.PostAsync($"/api/bookings/{booking}/cancel", null);
                await ExpectAsync(step, $"door staff cancel booking {Name(booking)}", byStaff, HttpStatusCode.Forbidden, "404 NOT_FOUND");
                return;
            }

            var response = await _organizer.Client.PostAsync($"/api/bookings/{booking}/cancel", null);
            await ExpectAsync(step, $"the organizer cancels booking {Name(booking)}", response, HttpStatusCode.OK, "409 INVALID_STATE");
        }

        private async Task CancelEventAsync(SaleStep step)
        {
            var eventId = Events[step.A % 3];
            var response = await _organizer.Client.PostAsync($"/api/events/{eventId}/cancel", null);
            await ExpectAsync(step, $"the organizer cancels event {Name(eventId)}", response, HttpStatusCode.OK, "409 INVALID_STATE");
            await UnwindCancelledEventsAsync();
            await DrainOutboxAsync();
        }

        private async Task CheckInAsync(SaleStep step)
        {
            if (_bookings.Count == 0)
            {
                return;
            }

            var doorOpens = _startsAt - DoorOpensBeforeStart;
            if (_test.Clock.GetUtcNow() < doorOpens)
            {
                await AdvanceAsync(doorOpens - _test.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
                _trace.Add($"{step}: the clock moves to the door window; the Worker expires claims and admissions");
            }

            var bookingId = _bookings[step.A % _bookings.Count];
            var owner = await _test.ScalarAsync<object>("SELECT coalesce(customer_id::text, '') FROM bookings WHERE id = @id", ("id", bookingId)) as string;
            var reader = _customers.FirstOrDefault(c => c.Id.ToString() == owner) ?? _organizer;
            var booking = await reader.Client.GetFromJsonAsync<JsonElement>($"/api/bookings/{bookingId}");
            var tickets = booking.GetProperty("tickets").EnumerateArray()
                .OrderBy(t => t.TryGetProperty("seat", out var seat) ? seat.ToString() : string.Empty, StringComparer.Ordinal)
                .ThenBy(t => t.GetProperty("status").GetString(), StringComparer.Ordinal)
                .ToList();
            var ticket = tickets[step.B % tickets.Count];
            var code = ticket.GetProperty("code").GetString();
            if (string.IsNullOrEmpty(code))
            {
                _trace.Add($"{step}: ticket {step.B % tickets.Count} of booking {Name(bookingId)} is void; nothing to scan");
                return;
            }

            var eventId = booking.GetProperty("eventId").GetGuid();
            var response = await _staff.Client.PostAsJsonAsync($"/api/events/{eventId}/check-ins", new { code });
            await ExpectAsync(step, $"door staff scan ticket {step.B % tickets.Count} of booking {Name(bookingId)}", response, HttpStatusCode.OK,
                "409 ALREADY_CHECKED_IN", "409 INVALID_STATE");
        }

        private async Task BoxOfficeAsync(SaleStep step)
        {
            object body = (step.A % 3) switch
            {
                0 => new { customerName = "Walk In", ticketTypeId = _gaType, quantity = 1 + (step.B % 3) },
                1 => new { customerName = "Walk In", ticketTypeId = _queuedType, quantity = 1 + (step.B % 3) },
                _ => new { customerName = "Walk In", seatIds = new[] { _seats[step.B % _seats.Length], _seats[(step.B + 5) % _seats.Length] }.Distinct() },
            };
            var eventId = new[] { _gaEvent, _queuedEvent, _seatedEvent }[step.A % 3];
            var response = await _organizer.Client.PostAsJsonAsync($"/api/events/{eventId}/box-office/bookings", body);
            await ExpectAsync(step, $"the box office sells for event {Name(eventId)}", response, HttpStatusCode.Created,
                "409 INSUFFICIENT_INVENTORY", "409 SEATS_UNAVAILABLE", "409 INVALID_STATE", "410 SOLD_OUT");
        }

        /// <summary>Half the time the newest, so claim → pay → notice chains are common; else any, so old ones come back late.</summary>
        private static T Pick<T>(List<T> known, int choice) => choice < 50 ? known[^1] : known[choice % known.Count];

        private async Task LearnClaimAsync(SaleStep step, string what, HttpResponseMessage response)
        {
            if (await ExpectAsync(step, what, response, HttpStatusCode.Created,
                    "409 INSUFFICIENT_INVENTORY", "409 SEATS_UNAVAILABLE", "409 LIMIT_EXCEEDED", "409 INVALID_STATE", "410 SOLD_OUT",
                    "403 ADMISSION_REQUIRED", "403 ADMISSION_INVALID"))
            {
                _claims.Add((step.Who, (await response.Content.ReadFromJsonAsync<ClaimDto>(ApiJson.Options))!.Id));
            }
        }

        private async Task<(int Owner, Guid Id, string Reference, long CardAmount)> LearnPaymentAsync(int owner, HttpResponseMessage response)
        {
            var dto = (await response.Content.ReadFromJsonAsync<PaymentDto>(ApiJson.Options))!;
            var cardAmount = await _test.ScalarAsync<long>("SELECT card_amount FROM payments WHERE id = @id", ("id", dto.Id));
            var payment = (owner, dto.Id, dto.Reference, cardAmount);
            _payments.Add(payment);
            return payment;
        }

        /// <summary>A new notice from the gateway about a payment's card part, kept to be delivered again later.</summary>
        private async Task<Notice> NotifyAsync(SaleStep step, string eventName, (int Owner, Guid Id, string Reference, long CardAmount) payment)
        {
            // Ids count up within the sequence, so a replayed seed sends the very same notices.
            var notice = new Notice(eventName, payment.Reference, payment.CardAmount, _notices.Count + 1);
            _notices.Add(notice);
            await SendAsync(step, notice, "sent");
            return notice;
        }

        private async Task SendAsync(SaleStep step, Notice notice, string how)
        {
            var response = await _test.Anonymous().SendWebhookAsync(notice.Event, notice.Reference, notice.Amount, "USD", notice.Id);
            await ExpectAsync(step, $"the gateway's {notice.Event} #{notice.Id} for {notice.Reference} is {how}", response, HttpStatusCode.OK);
        }

        /// <summary>
        /// Whether the answer was the success one; a documented refusal ("status CODE") is a normal outcome and
        /// returns false; anything else — a 5xx, an undocumented code, a success where only a refusal is right — fails.
        /// </summary>
        private async Task<bool> ExpectAsync(SaleStep step, string what, HttpResponseMessage response, HttpStatusCode success, params string[] refusals)
        {
            var body = await response.Content.ReadAsStringAsync();
            var code = ProblemCode(body);
            var outcome = code is null ? $"{(int)response.StatusCode}" : $"{(int)response.StatusCode} {code}";
            _trace.Add($"{step}: {what} → {outcome}");
            if (response.StatusCode == success)
            {
                return true;
            }

            if (code is not null && refusals.Contains(outcome))
            {
                return false;
            }

            throw new InvalidOperationException($"{what}: expected {(int)success} or one of [{string.Join(", ", refusals)}], got {outcome}: {body}");
        }

        private static string? ProblemCode(string body)
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private async Task AdvanceAsync(TimeSpan by)
        {
            _test.Clock.Advance(by);
            await _test.SendAsync(new ExpireClaimsCommand());
            await _test.SendAsync(new ExpireAdmissionsCommand());

            // Access tokens last 15 minutes of the same clock: every app signs in again, as a person would.
            foreach (var actor in _customers.Append(_organizer).Append(_staff))
            {
                actor.Client = _test.WithToken((await _test.LoginAsync(actor.Email, Password)).AccessToken);
            }
        }

        private async Task UnwindCancelledEventsAsync()
        {
            await UntilNothingLeftAsync("RefundCancelledEvents", () => _test.SendAsync(new RefundCancelledEventsCommand()));
        }

        private Task DrainOutboxAsync() => UntilNothingLeftAsync("DispatchOutbox", () => _test.SendAsync(new DispatchOutboxCommand()));

        private static async Task UntilNothingLeftAsync(string job, Func<Task<int>> run)
        {
            for (var round = 0; round < 50; round++)
            {
                if (await run() == 0)
                {
                    return;
                }
            }

            throw new InvalidOperationException($"{job} still had work after 50 runs");
        }

        private async Task LearnNewBookingsAsync()
        {
            foreach (var id in await GuidsAsync("SELECT id FROM bookings WHERE NOT (id = ANY (@known)) ORDER BY created_at, id", ("known", _bookings.ToArray())))
            {
                _bookings.Add(id);
            }
        }

        private async Task<List<Guid>> GuidsAsync(string sql, params (string Name, object Value)[] parameters)
        {
            await using var connection = new NpgsqlConnection(_test.Fixture.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            var ids = new List<Guid>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0));
            }

            return ids;
        }

        /// <summary>A short stable name for the trace: claims, bookings and events by the order they appeared.</summary>
        private string Name(Guid id) =>
            _claims.FindIndex(c => c.Id == id) is >= 0 and var claim ? $"c{claim + 1}"
            : _bookings.IndexOf(id) is >= 0 and var booking ? $"b{booking + 1}"
            : Array.IndexOf(Events, id) is >= 0 and var e ? new[] { "GA", "Seated", "Queued" }[e]
            : id.ToString();

        private async Task<Actor> ActorAsync(string role)
        {
            var user = await _test.CreateUserAsync(role);
            return new Actor(user.Email, user.Id) { Client = user.Client };
        }

        private sealed record Notice(string Event, string Reference, long Amount, long Id);

        private sealed class Actor(string email, Guid id)
        {
            public string Email { get; } = email;

            public Guid Id { get; } = id;

            public HttpClient Client { get; set; } = null!;
        }
    }
}
