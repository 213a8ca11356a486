using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Common.Models;
using Ticketing.Application.Events;
using Ticketing.Infrastructure.ApiKeys;
using Ticketing.Infrastructure.Data;
using Ticketing.Infrastructure.Data.Interceptors;
using Ticketing.Infrastructure.Email;
using Ticketing.Infrastructure.Events;
using Ticketing.Infrastructure.Exports;
using Ticketing.Infrastructure.Identity;
using Ticketing.Infrastructure.Inventory;
using Ticketing.Infrastructure.Live;
using Ticketing.Infrastructure.Queue;
using Ticketing.Infrastructure.Idempotency;
using Ticketing.Infrastructure.Outbox;
using Ticketing.Infrastructure.Payments;
using Ticketing.Infrastructure.Payments.Paystack;
using Ticketing.Infrastructure.Tickets;
using Ticketing.Infrastructure.Wallets;

namespace Ticketing.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Ticketing";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);

        // Configuration is read when services are built, not now, so hosts and tests can still override it.
        services.AddSingleton(provider => DataSource(ConnectionString(provider.GetRequiredService<IConfiguration>())));

        // Pooled contexts are shared by requests, so their interceptors are singletons that find the request's
        // services through the lease (ADR 0019).
        services.AddSingleton<ISaveChangesInterceptor, AuditableEntityInterceptor>();
        services.AddSingleton<ISaveChangesInterceptor, DatabasePrecisionInterceptor>();
        services.AddSingleton<ISaveChangesInterceptor, DomainEventsToOutboxInterceptor>();
        services.AddPooledDbContextFactory<ApplicationDbContext>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>())
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(provider.GetServices<ISaveChangesInterceptor>())
            .AddInterceptors(provider.GetRequiredService<SessionRevocationsInterceptor>()));
        // Rented for the scope, given back when the scope disposes it (once: the scope owns it).
        services.AddScoped(provider =>
        {
            var context = provider.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext();
            context.LeasedBy = provider;
            return context;
        });
        services.AddScoped<IApplicationDbContext>(provider => provider.GetRequiredService<ApplicationDbContext>());
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoCatalogue>();
        services.AddScoped<IOutboxStore, OutboxStore>();
        services.AddScoped<IStrandedRefunds, StrandedRefunds>();
        services.AddSingleton<IDatabaseErrors, DatabaseErrors>();
        services.AddScoped<IEventSeatInventory, EventSeatInventory>();
        services.AddScoped<IInventory, TicketInventory>();
        services.AddScoped<IClaimRows, ClaimRows>();
        services.AddScoped<IQueueLine, QueueLine>();
        services.AddSingleton<QueuePositions>();
        services.AddScoped<ITransactionLocks, TransactionLocks>();
        services.AddSingleton<ILiveNotifier, PostgresLiveNotifier>();
        services.AddSingleton<PostgresListener>();
        services.AddSingleton<ILiveFeed>(provider => provider.GetRequiredService<PostgresListener>());
        services.AddHostedService(provider => provider.GetRequiredService<PostgresListener>());
        services.AddOptions<QueueOptions>().BindConfiguration(QueueOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAdmissionTokens, AdmissionTokens>();

        services.AddOptions<PaymentOptions>().BindConfiguration(PaymentOptions.SectionName);
        services.AddOptions<PaymentProviderOptions>()
            .BindConfiguration(PaymentProviderOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate<IHostEnvironment>(
                (o, environment) => o.UsesPaystack || (o.UsesSimulated && environment.IsDevelopment()),
                "Payments:Provider must be paystack (or simulated, in Development only).")
            .Validate<IConfiguration>(
                (o, configuration) => !o.UsesPaystack || !string.IsNullOrWhiteSpace(configuration["Payments:Paystack:SecretKey"]),
                "Payments:Paystack:SecretKey is required when Payments:Provider is paystack (environment variable Payments__Paystack__SecretKey).")
            .Validate(o => !o.UsesSimulated || o.Simulated.SecretKey.Length >= 8, "Payments:Simulated:SecretKey is required for the simulated provider.")
            .ValidateOnStart();
        services.AddScoped<SimulatedGateway>();
        services.AddPaystackGateway();
        services.AddScoped<IPaymentGateways, PaymentGateways>();
        services.AddScoped<IWebhookInbox, WebhookInbox>();
        services.AddScoped<IWalletLedger, WalletLedger>();
        services.AddOptions<TicketOptions>().BindConfiguration(TicketOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ITicketCodes, TicketCodes>();
        services.AddSingleton<IQrCodes, QrCodes>();
        services.AddSingleton<ICsvExporter, CsvExporter>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddOptions<IdempotencyOptions>()
            .BindConfiguration(IdempotencyOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate<IConfiguration>(
                (o, configuration) => o.InProgressLease > TimeSpan.FromSeconds(
                    (configuration.GetSection(PaystackOptions.SectionName).Get<PaystackOptions>() ?? new PaystackOptions()).TimeoutSeconds),
                "Idempotency:InProgressLease must be longer than Payments:Paystack:TimeoutSeconds, or a retry would run beside a payment still waiting on Paystack.")
            .ValidateOnStart();
        services.AddOptions<EventListingOptions>().BindConfiguration(EventListingOptions.SectionName);
        services.AddSingleton<EventCache>();
        services.AddSingleton<IEventCache>(provider => provider.GetRequiredService<EventCache>());

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<ApplicationRole>()
            .AddEntityFrameworkStores<ApplicationDbContext>();
        services.AddScoped<IIdentityService, IdentityService>();
        services.AddSingleton<SessionRevocations>();
        services.AddSingleton<SessionRevocationsInterceptor>();
        services.AddSingleton<AuthSessionValidator>();
        services.AddSingleton<IAuthSessionValidator>(provider => provider.GetRequiredService<AuthSessionValidator>());
        services.AddSingleton<IApiKeyValidator, ApiKeyValidator>();

        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.SectionName).ValidateDataAnnotations();
        services.AddSingleton<ITokenService, TokenService>();
        services.AddSingleton<IOneTimeSecrets, OneTimeSecrets>();

        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.SectionName)
            .Validate(
                o => o.UsesDevelopmentMailbox || !string.IsNullOrWhiteSpace(o.Smtp.Host),
                "Email:Smtp:Host is required unless Email:Provider is Development.")
            .ValidateOnStart();
        services.AddScoped<DevelopmentMailbox>();
        services.AddScoped<SmtpEmailSender>();
        services.AddScoped<IEmailSender>(provider =>
            provider.GetRequiredService<IOptions<EmailOptions>>().Value.UsesDevelopmentMailbox
                ? provider.GetRequiredService<DevelopmentMailbox>()
                : provider.GetRequiredService<SmtpEmailSender>());

        return services;
    }

    private static NpgsqlDataSource DataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);

        // Npgsql sends DISCARD ALL each time a pooled connection is handed out again: a round trip per use, and the
        // most frequent statement under load. Nothing here leaves session state behind (no SET, no session-level
        // advisory locks, no temporary tables), so there is nothing to discard.
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder.Build();
    }

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is required (environment variable ConnectionStrings__{ConnectionStringName}).");
}
