using Microsoft.AspNetCore.Http;
using Ticketing.WebApi.Common;

namespace Ticketing.UnitTests.WebApi;

public sealed class ScannerPathsTests
{
    [Theory]
    [InlineData("/.env")]
    [InlineData("/.ENV")]
    [InlineData("/.env.local")]
    [InlineData("/.env.production.bak")]
    [InlineData("/.git")]
    [InlineData("/.git/config")]
    [InlineData("/.Git/HEAD")]
    [InlineData("/secrets/db.json")]
    [InlineData("/SECRETS")]
    [InlineData("/config/app.yml")]
    [InlineData("/Config/")]
    [InlineData("/wp-admin")]
    [InlineData("/wp-admin/setup-config.php")]
    [InlineData("/WP-Admin.php")]
    [InlineData("/wp-login.php")]
    [InlineData("/WP-LOGIN.PHP")]
    [InlineData("/.aws/credentials")]
    [InlineData("/server-status")]
    [InlineData("/Server-Status")]
    [InlineData("/.ssh/id_rsa")]
    [InlineData("/phpmyadmin")]
    [InlineData("/phpMyAdmin/index.php")]
    [InlineData("/phpmyadmin2")]
    [InlineData("/.DS_Store")]
    [InlineData("/.ds_store")]
    [InlineData("/backup")]
    [InlineData("/backup.zip")]
    [InlineData("/Backups/db.sql")]
    public void Probes_for_other_software_are_recognised_whatever_their_case(string path) =>
        ScannerPaths.IsProbe(new PathString(path)).ShouldBeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/api/events")]
    [InlineData("/api/admin/api-keys")]
    [InlineData("/api/events/config")]
    [InlineData("/api/backup")]
    [InlineData("/health/live")]
    [InlineData("/swagger/index.html")]
    [InlineData("/hubs/live")]
    [InlineData("/configuration")]
    [InlineData("/secretsanta")]
    [InlineData("/server-statistics")]
    [InlineData("/.well-known/security.txt")]
    [InlineData("/.gitignore")]
    [InlineData("/wp")]
    public void The_APIs_own_paths_and_near_misses_are_not_probes(string path) =>
        ScannerPaths.IsProbe(new PathString(path)).ShouldBeFalse();
}
