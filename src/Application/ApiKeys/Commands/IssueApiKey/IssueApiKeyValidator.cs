using FluentValidation;
using Ticketing.Domain.ApiKeys;

namespace Ticketing.Application.ApiKeys.Commands.IssueApiKey;

public sealed class IssueApiKeyCommandValidator : AbstractValidator<IssueApiKeyCommand>
{
    public IssueApiKeyCommandValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(ApiKey.MaxNameLength);
    }
}
