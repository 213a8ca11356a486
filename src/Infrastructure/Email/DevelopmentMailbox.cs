using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ticketing.Application.Common.Interfaces;
using Ticketing.Infrastructure.Data;

namespace Ticketing.Infrastructure.Email;

/// <summary>
/// Development email: kept in the database, where the WebApi's /dev/mailbox reads it whichever process sent it,
/// and written as a text file under <see cref="EmailOptions.DevelopmentDirectory"/> for a person to open.
/// </summary>
public sealed class DevelopmentMailbox(
    ApplicationDbContext context,
    IOptions<EmailOptions> options,
    TimeProvider timeProvider,
    ILogger<DevelopmentMailbox> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var stored = new DevMailboxMessage
        {
            To = message.To.ToLowerInvariant(),
            Subject = message.Subject,
            Body = message.TextBody,
            SentAt = timeProvider.GetUtcNow(),
        };
        context.Set<DevMailboxMessage>().Add(stored);
        await context.SaveChangesAsync(cancellationToken);

        var directory = options.Value.DevelopmentDirectory;
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{stored.SentAt:yyyyMMdd-HHmmss}-{stored.Id:N}.txt");
        await File.WriteAllTextAsync(
            file, $"To: {message.To}\nSubject: {message.Subject}\nDate: {stored.SentAt:O}\n\n{message.TextBody}", cancellationToken);
        logger.LogInformation("Development mail to {To}: {Subject} ({File})", message.To, message.Subject, file);
    }

    public async Task<IReadOnlyList<DevMailboxMessage>> ReadAsync(string? to, CancellationToken cancellationToken)
    {
        var messages = context.Set<DevMailboxMessage>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(to))
        {
            var address = to.Trim().ToLowerInvariant();
            messages = messages.Where(m => m.To == address);
        }

        return await messages.OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id).Take(100).ToListAsync(cancellationToken);
    }
}
