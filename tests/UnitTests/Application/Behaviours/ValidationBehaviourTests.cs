using FluentValidation;
using MediatR;
using Ticketing.Application.Common.Behaviours;
using ValidationException = Ticketing.Application.Common.Exceptions.ValidationException;

namespace Ticketing.UnitTests.Application.Behaviours;

public sealed class ValidationBehaviourTests
{
    [Fact]
    public async Task Failures_of_every_validator_become_field_errors_and_the_handler_never_runs()
    {
        var behaviour = new ValidationBehaviour<Order, string>([new QuantityValidator(), new NameValidator()]);
        var handlerRan = false;

        var ex = await Should.ThrowAsync<ValidationException>(() => behaviour.Handle(
            new Order(string.Empty, 0), CancellationToken.None, () => { handlerRan = true; return Task.FromResult("ran"); }));

        handlerRan.ShouldBeFalse();
        ex.Errors.Keys.ShouldBe(["Quantity", "Name"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_valid_request_reaches_the_handler()
    {
        var behaviour = new ValidationBehaviour<Order, string>([new QuantityValidator(), new NameValidator()]);

        (await behaviour.Handle(new Order("seats", 2), CancellationToken.None, () => Task.FromResult("ran"))).ShouldBe("ran");
    }

    [Fact]
    public async Task A_request_without_validators_reaches_the_handler()
    {
        var behaviour = new ValidationBehaviour<Order, string>([]);

        (await behaviour.Handle(new Order(string.Empty, 0), CancellationToken.None, () => Task.FromResult("ran"))).ShouldBe("ran");
    }

    public sealed record Order(string Name, int Quantity) : IRequest<string>;

    private sealed class QuantityValidator : AbstractValidator<Order>
    {
        public QuantityValidator() => RuleFor(o => o.Quantity).GreaterThan(0);
    }

    private sealed class NameValidator : AbstractValidator<Order>
    {
        public NameValidator() => RuleFor(o => o.Name).NotEmpty();
    }
}
