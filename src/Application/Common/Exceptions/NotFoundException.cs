namespace Ticketing.Application.Common.Exceptions;

/// <summary>
/// 404. Also thrown for things that exist but belong to someone else, so that their existence does not leak.
/// </summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");
