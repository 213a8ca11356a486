namespace Ticketing.Worker;

internal static class Program
{
    private static async Task Main(string[] args) => await WorkerHost.CreateBuilder(args).Build().RunAsync();
}
