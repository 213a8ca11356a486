using MediatR;
using Moq;
using Ticketing.Application.Common.Behaviours;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.UnitTests.Application.Behaviours;

public sealed class TransactionBehaviourTests
{
    private readonly Mock<IUnitOfWork> _unitOfWork = new(MockBehavior.Strict);
    private readonly Mock<IUnitOfWorkTransaction> _transaction = new(MockBehavior.Strict);
    private readonly List<string> _steps = [];

    public TransactionBehaviourTests()
    {
        _unitOfWork.Setup(u => u.IsOpen).Returns(false);
        _unitOfWork.Setup(u => u.BeginAsync(It.IsAny<CancellationToken>())).Callback(() => _steps.Add("begin")).ReturnsAsync(_transaction.Object);
        _transaction.Setup(t => t.CommitAsync(It.IsAny<CancellationToken>())).Callback(() => _steps.Add("commit")).Returns(Task.CompletedTask);
        _transaction.Setup(t => t.DisposeAsync()).Callback(() => _steps.Add("end")).Returns(ValueTask.CompletedTask);
    }

    [Fact]
    public async Task A_transactional_command_runs_its_handler_in_one_transaction_that_commits_after_it()
    {
        var response = await new TransactionBehaviour<Transactional, string>(_unitOfWork.Object)
            .Handle(new Transactional(), CancellationToken.None, Handler("done"));

        response.ShouldBe("done");
        _steps.ShouldBe(["begin", "handler", "commit", "end"]);
    }

    [Fact]
    public async Task A_handler_that_throws_commits_nothing()
    {
        await Should.ThrowAsync<InvalidOperationException>(() => new TransactionBehaviour<Transactional, string>(_unitOfWork.Object)
            .Handle(new Transactional(), CancellationToken.None, () => throw new InvalidOperationException("refused")));

        _steps.ShouldBe(["begin", "end"]);
    }

    [Fact]
    public async Task A_command_sent_inside_an_open_transaction_joins_it()
    {
        _unitOfWork.Setup(u => u.IsOpen).Returns(true);

        await new TransactionBehaviour<Transactional, string>(_unitOfWork.Object).Handle(new Transactional(), CancellationToken.None, Handler("done"));

        _steps.ShouldBe(["handler"]);
    }

    [Fact]
    public async Task Other_requests_open_no_transaction()
    {
        await new TransactionBehaviour<Plain, string>(_unitOfWork.Object).Handle(new Plain(), CancellationToken.None, Handler("done"));

        _steps.ShouldBe(["handler"]);
    }

    private RequestHandlerDelegate<string> Handler(string response) => () =>
    {
        _steps.Add("handler");
        return Task.FromResult(response);
    };

    public sealed record Transactional : IRequest<string>, ITransactional;

    public sealed record Plain : IRequest<string>;
}
