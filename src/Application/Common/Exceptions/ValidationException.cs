using FluentValidation.Results;

namespace Ticketing.Application.Common.Exceptions;

/// <summary>The request is malformed in ways the client can fix; <see cref="Errors"/> maps each field to its messages.</summary>
public sealed class ValidationException : Exception
{
    public ValidationException()
        : base("One or more validation failures have occurred.")
    {
        Errors = new Dictionary<string, string[]>();
    }

    public ValidationException(IEnumerable<ValidationFailure> failures)
        : this()
    {
        Errors = failures
            .GroupBy(f => f.PropertyName, f => f.ErrorMessage)
            .ToDictionary(g => g.Key, g => g.Distinct().ToArray());
    }

    public ValidationException(string field, string message)
        : this()
    {
        Errors = new Dictionary<string, string[]> { [field] = [message] };
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
