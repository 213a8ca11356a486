using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Application.Accounts;
using Ticketing.Application.Common.Behaviours;
using Ticketing.Application.Common.Events;

namespace Ticketing.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        var assembly = Assembly.GetExecutingAssembly();

        // MediatR 5.1.0 has no DI package the source serves, so Scrutor registers handlers (docs/decisions/0001).
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.Scan(scan => scan
            .FromAssemblies(assembly)
            .AddClasses(classes => classes.AssignableToAny(typeof(IRequestHandler<,>), typeof(INotificationHandler<>)), publicOnly: true)
            .AsImplementedInterfaces()
            .WithScopedLifetime());

        // Order matters: the first registered is the outermost.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnhandledExceptionBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(PerformanceBehaviour<,>));
        services.AddSingleton<RequestWarmUp>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));

        services.AddValidatorsFromAssembly(assembly, includeInternalTypes: false);
        services.AddAutoMapper(
            cfg => cfg.LicenseKey = configuration["LuckyPennySoftware:LicenseKey"] ?? configuration["AUTOMAPPER_LICENSE_KEY"],
            assembly);

        services.AddScoped<DomainEventPublisher>();
        services.AddScoped<SessionIssuer>();
        services.AddScoped<AccountLocks>();
        services.AddScoped<PasswordReplacement>();
        services.AddScoped<Events.EventPlanner>();
        services.AddScoped<Queue.QueueStatusReader>();
        services.AddScoped<Inventory.ClaimExpiry>();
        services.AddScoped<Inventory.ClaimRules>();
        services.AddScoped<Inventory.EventAvailability>();
        services.AddScoped<Inventory.StockTaker>();
        services.AddScoped<Inventory.ClaimBatch>();
        services.AddSingleton<Inventory.ClaimBatcher>();
        services.AddScoped<Payments.PaymentSettlement>();
        services.AddScoped<Payments.PaymentVerification>();
        services.AddScoped<Payments.WalletRefunds>();
        services.AddScoped<Payments.MoneyAudit>();
        services.AddScoped<Bookings.BookingReads>();
        services.AddScoped<Bookings.BookingRefunds>();
        services.AddScoped<Audit.AuditTrail>();
        return services;
    }
}
