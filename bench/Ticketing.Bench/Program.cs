using Ticketing.Bench;
using Ticketing.Bench.Scenarios;

try
{
    var options = BenchOptions.Parse(args);
    var settings = BenchSettings.Load();
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };

    var passwordHash = BenchAccounts.MeasurePasswordHash();
    // Arrivals (queue joins) have slots of their own, so that 50,000 joins sent at once do not stand in front of the
    // polls, claims and payments of the users already in line — as they would not in front of a real server.
    var arrivalSlotCount = Math.Max(1, options.Concurrency / 2);
    // Checkout (claims, payments, card outcomes, leaving) too, as many as the rest: a fan's own connection does not wait
    // behind other fans' polls, and a claim that waited here for a slot could outlive its admission window in the load
    // generator. Half as many capped the sale: a thousand fans paying at once queued for slots a second or two each.
    var checkoutSlotCount = options.Concurrency;
    using var http = ApiClient.CreateHttpClient(options.Url, options.Concurrency + arrivalSlotCount + checkoutSlotCount);
    using var slots = new SemaphoreSlim(options.Concurrency);
    using var arrivalSlots = new SemaphoreSlim(arrivalSlotCount);
    using var checkoutSlots = new SemaphoreSlim(checkoutSlotCount);
    var api = new TicketingApi(new ApiClient(http, slots, new Metrics()), settings.WebhookSecret);
    var arrivals = new TicketingApi(new ApiClient(http, arrivalSlots, new Metrics()), settings.WebhookSecret);
    using var webhookHttp = options.WebhookUrl is { } webhookUrl ? ApiClient.CreateHttpClient(webhookUrl, checkoutSlotCount) : null;
    var checkout = new TicketingApi(
        new ApiClient(http, checkoutSlots, new Metrics()), settings.WebhookSecret, webhookHttp is null ? null : new ApiClient(webhookHttp, checkoutSlots, new Metrics()));
    // The organizer's dashboard has a connection of its own: behind 50,000 joins it would learn of the sell-out late.
    using var dashboardHttp = ApiClient.CreateHttpClient(options.Url, 1);
    using var dashboardSlot = new SemaphoreSlim(1);
    var dashboard = new TicketingApi(new ApiClient(dashboardHttp, dashboardSlot, new Metrics()), settings.WebhookSecret);
    var run = new BenchRun(options, new BenchAccounts(settings), api, arrivals, checkout, dashboard, settings.ConnectionString);
    var startedAt = DateTimeOffset.UtcNow;

    var result = options.Scenario switch
    {
        "onsale" => await new OnSale(run).RunAsync(cancel.Token),
        "hot-claim" => await new HotClaim(run).RunAsync(cancel.Token),
        "floor" => await new Floor(run).RunAsync(cancel.Token),
        "event-read" => await new EventRead(run).RunAsync(cancel.Token),
        _ => await new QueuePoll(run).RunAsync(cancel.Token),
    };

    // Let answers already on their way land before the database is read. From here on Ctrl-C (which ended the
    // timed phase early) does not skip the checks: a stopped run still says whether the invariants held.
    await Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None);
    var invariants = await InvariantChecks.RunAsync(settings.ConnectionString, result.EventId, CancellationToken.None);
    var summary = Summary.From(options, startedAt, result, invariants, passwordHash) with { CpuSeconds = run.Cpu };
    if (run.Profiled)
    {
        summary = summary with { TopStatements = await StatementProfile.TopAsync(settings.ConnectionString, 10, CancellationToken.None) };
    }

    if (options.PgBench is { } pgbench && !cancel.IsCancellationRequested)
    {
        var seconds = options.CeilingSeconds ?? Math.Clamp((int)Math.Ceiling(result.Duration.TotalSeconds), 10, 60);
        BenchRun.Log($"measuring the raw ceiling with pgbench for {seconds} s…");
        summary = summary.WithCeiling(await RawCeiling.MeasureAsync(settings.ConnectionString, pgbench, seconds, cancel.Token), seconds);
    }

    if (options.OutFile is { } file)
    {
        await File.WriteAllTextAsync(file, summary.ToJson() + Environment.NewLine, CancellationToken.None);
    }

    Console.WriteLine(summary.ToTable());
    if (summary.Oversold > 0 || summary.InvariantViolations > 0)
    {
        Console.Error.WriteLine("FAILED: the invariants do not hold after the run (see \"invariants\").");
        return 1;
    }

    return 0;
}
catch (UsageException e)
{
    if (e.Message.Length == 0)
    {
        Console.WriteLine(BenchOptions.Usage);
        return 0;
    }

    Console.Error.WriteLine($"{e.Message}\n\n{BenchOptions.Usage}");
    return 2;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("bench: interrupted.");
    return 130;
}
catch (BenchFailedException e)
{
    Console.Error.WriteLine($"bench: {e.Message}");
    return 1;
}
