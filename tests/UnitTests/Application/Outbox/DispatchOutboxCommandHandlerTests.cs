using MediatR;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Ticketing.Application.Common.Events;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Outbox.Commands.DispatchOutbox;
using Microsoft.Extensions.Logging;
using Ticketing.Domain.Accounts;
using Ticketing.Domain.Payments;
using Ticketing.UnitTests.TestDoubles;

namespace Ticketing.UnitTests.Application.Outbox;

public sealed class DispatchOutboxCommandHandlerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly Mock<IOutboxStore> _outbox = new();
    private readonly Mock<IMediator> _mediator = new();

    [Fact]
    public async Task A_delivered_message_is_marked_processed()
    {
        var message = Envelope(attempts: 1);
        Lease(message);

        var delivered = await Handler().Handle(new DispatchOutboxCommand(), CancellationToken.None);

        delivered.ShouldBe(1);
        _mediator.Verify(m => m.Publish(
            It.Is<DomainEventNotification<UserRegisteredEvent>>(n => ReferenceEquals(n.DomainEvent, message.Event)), It.IsAny<CancellationToken>()));
        _outbox.Verify(o => o.MarkProcessedAsync(It.Is<IReadOnlyCollection<Guid>>(ids => ids.SequenceEqual(new[] { message.Id })), It.IsAny<CancellationToken>()));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(3, 8)]
    [InlineData(7, 128)]
    public async Task A_failed_delivery_is_retried_later_with_exponential_backoff(int attempts, int delaySeconds)
    {
        var message = Envelope(attempts);
        Lease(message);
        FailPublishing();

        (await Handler().Handle(new DispatchOutboxCommand(), CancellationToken.None)).ShouldBe(0);

        _outbox.Verify(o => o.MarkFailedAsync(message.Id, "smtp down", _clock.GetUtcNow().AddSeconds(delaySeconds), It.IsAny<CancellationToken>()));
        _outbox.Verify(o => o.MarkProcessedAsync(It.IsAny<IReadOnlyCollection<Guid>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task The_last_allowed_failure_dead_letters_the_message()
    {
        var message = Envelope(DispatchOutboxCommandHandler.MaxAttempts);
        Lease(message);
        FailPublishing();

        await Handler().Handle(new DispatchOutboxCommand(), CancellationToken.None);

        _outbox.Verify(o => o.MarkFailedAsync(message.Id, "smtp down", null, It.IsAny<CancellationToken>()));
    }

    [Theory]
    [InlineData(3, 8)]
    [InlineData(DispatchOutboxCommandHandler.MaxAttempts, 256)]
    [InlineData(DispatchOutboxCommandHandler.MaxAttempts + 1, 300)]
    [InlineData(500, 300)]
    public async Task A_refund_request_is_never_dead_lettered_only_retried_at_a_capped_interval(int attempts, int delaySeconds)
    {
        var refund = new OutboxEnvelope(Guid.CreateVersion7(), typeof(PaymentRefundRequestedEvent).FullName!, attempts, new PaymentRefundRequestedEvent(Guid.NewGuid()));
        Lease(refund);
        _mediator.Setup(m => m.Publish(It.IsAny<DomainEventNotification<PaymentRefundRequestedEvent>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("paystack down"));
        var logger = new ListLogger<DispatchOutboxCommandHandler>();

        await Handler(logger).Handle(new DispatchOutboxCommand(), CancellationToken.None);

        _outbox.Verify(o => o.MarkFailedAsync(refund.Id, "paystack down", _clock.GetUtcNow().AddSeconds(delaySeconds), It.IsAny<CancellationToken>()));
        logger.Entries.Any(e => e.Level == LogLevel.Error).ShouldBe(attempts >= DispatchOutboxCommandHandler.MaxAttempts);
    }

    [Fact]
    public async Task One_failing_message_does_not_stop_the_rest_of_the_batch()
    {
        var failing = Envelope(1);
        var fine = Envelope(1);
        Lease(failing, fine);
        _mediator.Setup(m => m.Publish(
                It.Is<DomainEventNotification<UserRegisteredEvent>>(n => ReferenceEquals(n.DomainEvent, failing.Event)), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("smtp down"));

        (await Handler().Handle(new DispatchOutboxCommand(), CancellationToken.None)).ShouldBe(1);

        _outbox.Verify(o => o.MarkProcessedAsync(It.Is<IReadOnlyCollection<Guid>>(ids => ids.SequenceEqual(new[] { fine.Id })), It.IsAny<CancellationToken>()));
        _outbox.Verify(o => o.MarkFailedAsync(failing.Id, It.IsAny<string>(), It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task A_message_that_cannot_be_read_is_dead_lettered_at_once()
    {
        var unreadable = new OutboxEnvelope(Guid.NewGuid(), "Ticketing.Domain.Gone", 1, null);
        Lease(unreadable);

        await Handler().Handle(new DispatchOutboxCommand(), CancellationToken.None);

        _outbox.Verify(o => o.MarkFailedAsync(unreadable.Id, It.Is<string>(e => e.Contains("Ticketing.Domain.Gone")), null, It.IsAny<CancellationToken>()));
        _mediator.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_drain_takes_batch_after_batch_while_they_come_back_full()
    {
        var full = new[] { Envelope(1), Envelope(1) };
        var last = Envelope(1);
        _outbox.SetupSequence(o => o.LeaseBatchAsync(2, It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(full)
            .ReturnsAsync([last])
            .ReturnsAsync([Envelope(1)]);

        (await Handler().Handle(new DispatchOutboxCommand(BatchSize: 2, Drain: TimeSpan.FromSeconds(10)), CancellationToken.None)).ShouldBe(3);

        _outbox.Verify(o => o.MarkProcessedAsync(It.Is<IReadOnlyCollection<Guid>>(ids => ids.SequenceEqual(full.Select(m => m.Id).ToArray())), It.IsAny<CancellationToken>()));
        _outbox.Verify(o => o.MarkProcessedAsync(It.Is<IReadOnlyCollection<Guid>>(ids => ids.SequenceEqual(new[] { last.Id })), It.IsAny<CancellationToken>()));
        _outbox.Verify(o => o.LeaseBatchAsync(2, It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Without_a_drain_one_full_batch_is_all_a_run_takes()
    {
        _outbox.SetupSequence(o => o.LeaseBatchAsync(2, It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([Envelope(1), Envelope(1)])
            .ReturnsAsync([Envelope(1)]);

        (await Handler().Handle(new DispatchOutboxCommand(BatchSize: 2), CancellationToken.None)).ShouldBe(2);
    }

    private DispatchOutboxCommandHandler Handler(ListLogger<DispatchOutboxCommandHandler>? logger = null) =>
        new(_outbox.Object, new DomainEventPublisher(_mediator.Object), _clock, logger ?? new ListLogger<DispatchOutboxCommandHandler>());

    private static OutboxEnvelope Envelope(int attempts) =>
        new(Guid.CreateVersion7(), typeof(UserRegisteredEvent).FullName!, attempts, new UserRegisteredEvent(Guid.NewGuid(), "a@example.com", "A"));

    private void Lease(params OutboxEnvelope[] messages) =>
        _outbox.Setup(o => o.LeaseBatchAsync(It.IsAny<int>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).ReturnsAsync(messages);

    private void FailPublishing() =>
        _mediator.Setup(m => m.Publish(It.IsAny<DomainEventNotification<UserRegisteredEvent>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("smtp down"));
}
