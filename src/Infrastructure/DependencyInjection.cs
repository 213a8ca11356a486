using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Application.Events;
using Ticketing.Infrastructure.Data;
using Ticketing.Infrastructure.Data.Interceptors;
using Ticketing.Infrastructure.Email;
using Ticketing.Infrastructure.Identity;
using Ticketing.Infrastructure.Inventory;
using Ticketing.Infrastructure.Live;
using Ticketing.Infrastructure.Queue;
using Ticketing.Infrastructure.Outbox;

namespace Ticketing.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Ticketing";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);

        // Configuration is read when services are built, not now, so hosts and tests can still override it.
        services.AddSingleton(provider => new NpgsqlDataSourceBuilder(ConnectionString(provider.GetRequiredService<IConfiguration>())).Build());
        services.AddScoped<ISaveChangesInterceptor, AuditableEntityInterceptor>();
        services.AddScoped<ISaveChangesInterceptor, DomainEventsToOutboxInterceptor>();
        services.AddDbContext<ApplicationDbContext>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>())
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(provider.GetServices<ISaveChangesInterceptor>()));
        services.AddScoped<IApplicationDbContext>(provider => provider.GetRequiredService<ApplicationDbContext>());
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoCatalogue>();
        services.AddScoped<IOutboxStore, OutboxStore>();
        services.AddScoped<IEventSeatInventory, EventSeatInventory>();
        services.AddScoped<IInventory, TicketInventory>();
        services.AddScoped<IClaimRows, ClaimRows>();
        services.AddScoped<IQueueLine, QueueLine>();
        services.AddScoped<ITransactionLocks, TransactionLocks>();
        services.AddSingleton<ILiveNotifier, PostgresLiveNotifier>();
        services.AddOptions<QueueOptions>().BindConfiguration(QueueOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAdmissionTokens, AdmissionTokens>();
        services.AddOptions<EventListingOptions>().BindConfiguration(EventListingOptions.SectionName);

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
        services.AddScoped<AuthSessionValidator>();

        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.SectionName).ValidateDataAnnotations();
        services.AddSingleton<ITokenService, TokenService>();

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

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is required (environment variable ConnectionStrings__{ConnectionStringName}).");
}
