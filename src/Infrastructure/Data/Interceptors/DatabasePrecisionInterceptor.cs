using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ticketing.Infrastructure.Data.Interceptors;

/// <summary>
/// Rounds every time an entity is about to save down to whole microseconds, the precision PostgreSQL's timestamptz
/// keeps. The clock has 100 ns ticks, so without this a response built from the entity just saved said
/// <c>.3791137</c> and every later read of the same row <c>.379113</c>: one moment, two answers. Runs after the
/// auditing interceptor, so its stamps are rounded too; times written by raw SQL are rounded by the database itself.
/// </summary>
public sealed class DatabasePrecisionInterceptor : SaveChangesInterceptor
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMicrosecond;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Round(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Round(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public static DateTimeOffset ToMicroseconds(DateTimeOffset value) => value.AddTicks(-(value.Ticks % TicksPerMicrosecond));

    private static void Round(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties)
            {
                Round(property);
            }

            foreach (var complex in entry.ComplexProperties)
            {
                Round(complex);
            }
        }
    }

    private static void Round(ComplexPropertyEntry complex)
    {
        if (complex.CurrentValue is null)
        {
            return;
        }

        foreach (var property in complex.Properties)
        {
            Round(property);
        }

        foreach (var nested in complex.ComplexProperties)
        {
            Round(nested);
        }
    }

    private static void Round(PropertyEntry property)
    {
        if (property.CurrentValue is DateTimeOffset value && value.Ticks % TicksPerMicrosecond != 0)
        {
            property.CurrentValue = ToMicroseconds(value);
        }
    }
}
