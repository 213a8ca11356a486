using Microsoft.Extensions.DependencyInjection;
using Ticketing.Application.Common.Interfaces;
using Ticketing.IntegrationTests.Infrastructure;

namespace Ticketing.IntegrationTests.Hosting;

/// <summary>The test run writes the Development mailbox's files into a folder of its own and leaves none behind.</summary>
public sealed class TestRunMailFolderTests(ApiFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Mail_sent_during_the_run_lands_in_this_runs_own_folder_not_a_shared_one()
    {
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IEmailSender>()
                .SendAsync(new EmailMessage("folder@example.com", "Where am I", "Text"), CancellationToken.None);
        }

        var folder = Path.GetFileName(TicketingApiFactory.MailDirectory);
        folder.ShouldStartWith($"{TestMailDirectory.Prefix}{Environment.ProcessId}-");
        Directory.GetFiles(TicketingApiFactory.MailDirectory)
            .ShouldContain(file => File.ReadAllText(file).Contains("To: folder@example.com"));
    }

    [Fact]
    public void The_folders_of_runs_that_died_are_removed_and_live_ones_kept()
    {
        var dead = Path.Combine(Path.GetTempPath(), $"{TestMailDirectory.Prefix}{int.MaxValue}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dead);
        File.WriteAllText(Path.Combine(dead, "left-behind.txt"), "x");
        Directory.CreateDirectory(TicketingApiFactory.MailDirectory);

        TestMailDirectory.RemoveThoseOfDeadRuns();

        Directory.Exists(dead).ShouldBeFalse();
        Directory.Exists(TicketingApiFactory.MailDirectory).ShouldBeTrue();
    }
}
