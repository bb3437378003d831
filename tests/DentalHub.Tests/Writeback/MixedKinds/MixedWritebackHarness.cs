using DentalHub.Audit;
using DentalHub.Connections;
using DentalHub.Data;
using DentalHub.Sync;
using DentalHub.TestDoubles.OpenDental;
using DentalHub.Tests.Infrastructure;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Tests.Writeback.MixedKinds;

/// <summary>
/// A practice on the Open Dental API double with a few synced patients, the app's worker off, and dispatchers the test
/// makes and kills on a clock it drives: each new dispatcher is the engine after a restart, with only the database.
/// </summary>
public sealed class MixedWritebackHarness : IAsyncDisposable
{
    private int slotsTaken;

    private MixedWritebackHarness(DentalHubApp app, OpenDentalApiTestDouble api, TestPractice practice, Guid connectionId, IReadOnlyList<Guid> patientIds)
    {
        ConnectionId = connectionId;
        App = app;
        Api = api;
        Practice = practice;
        PatientIds = patientIds;
    }

    public DentalHubApp App { get; }
    public OpenDentalApiTestDouble Api { get; }
    public TestPractice Practice { get; }
    public IReadOnlyList<Guid> PatientIds { get; }
    public Guid ConnectionId { get; }

    /// <summary>Tomorrow in the practice's zone: a booking from then on is never in the past.</summary>
    public DateOnly FirstBookableDay { get; } =
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime).AddDays(1);

    /// <summary>A schedule slot no earlier booking of this run took.</summary>
    public int NextSlot() => slotsTaken++;
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow().AddSeconds(5));

    public static async Task<MixedWritebackHarness> StartAsync(DatabaseProvider provider)
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        var app = new DentalHubApp(TestDatabase.Create(provider), new Dictionary<string, string?> { ["Writeback:Worker"] = "false" });
        var api = await OpenDentalApiTestDouble.StartAsync();
        api.Add([
            new DoublePatient(21, "Ada", "Moss", api.OfficeNow.AddMinutes(-5), Birthdate: "1981-02-03"),
            new DoublePatient(22, "Ben", "Moss", api.OfficeNow.AddMinutes(-5), Birthdate: "2012-06-07"),
            new DoublePatient(23, "Cy", "Hale", api.OfficeNow.AddMinutes(-5), Birthdate: "1975-11-30"),
        ]);
        var practice = await app.AddPracticeAsync("Mixed Dental");
        var connectionId = await app.ConnectOpenDentalApiAsync(practice, api);
        var sync = await app.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, connectionId, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);
        Assert.Equal(SyncOutcomeKind.Completed, sync.Kind);
        await using var db = app.Databases.Create(practice.Tenant);
        var harness = new MixedWritebackHarness(app, api, practice, connectionId, await db.Patients.OrderBy(p => p.FirstName).Select(p => p.Id).ToListAsync());
        foreach (var kind in MixedWriteKind.All)
        {
            await kind.PrepareAsync(harness);
        }
        return harness;
    }

    /// <summary>The app stamps what it queues with the real clock: the dispatcher's clock is brought up to it.</summary>
    public void CatchUpWithTheApp()
    {
        var queuedBy = TimeProvider.System.GetUtcNow().AddSeconds(1);
        if (Clock.GetUtcNow() < queuedBy)
        {
            Clock.SetUtcNow(queuedBy);
        }
    }

    /// <summary>One dispatcher pass, killed part-way when <paramref name="killAfter"/> is given; then time passes.</summary>
    public async Task StepAsync(TimeSpan? killAfter, TimeSpan then)
    {
        using var life = new CancellationTokenSource();
        if (killAfter is { } after)
        {
            life.CancelAfter(after);
        }
        try
        {
            await NewDispatcher().RunOnceAsync(life.Token);
        }
        catch (OperationCanceledException) when (life.IsCancellationRequested)
        {
            // Killed: the next pass is a restarted engine that knows only what the database holds.
        }
        Clock.Advance(then);
    }

    /// <summary>With the PMS healthy again: runs until nothing is due, and retries what was parked as a person would.</summary>
    public async Task SettleAsync()
    {
        foreach (var kind in MixedWriteKind.All)
        {
            kind.Endpoint(Api).ClearFaults();
        }
        Api.ClearFailures();
        await RunUntilQuietAsync();
        var actions = App.Services.GetRequiredService<WritebackActions>();
        foreach (var parked in (await CommandsAsync()).Where(c => c.State is WritebackState.NeedsReview or WritebackState.Rejected))
        {
            await actions.RetryAsync(Practice.Tenant, AuditActor.System, parked.Id, CancellationToken.None);
        }
        CatchUpWithTheApp();
        await RunUntilQuietAsync();
    }

    public async Task<List<WritebackCommand>> CommandsAsync()
    {
        await using var db = App.Databases.Create(Practice.Tenant);
        return await db.WritebackCommands.AsNoTracking().OrderBy(c => c.CreatedAt).ToListAsync();
    }

    private WritebackDispatcher NewDispatcher() => new(
        App.Databases, App.Services.GetRequiredService<ConnectorFactory>(), App.Services.GetServices<IWritebackTarget>(),
        WritebackHarness.Policy, Clock, NullLogger<WritebackDispatcher>.Instance);

    private async Task RunUntilQuietAsync()
    {
        for (var round = 0; round < 100; round++)
        {
            await NewDispatcher().RunOnceAsync(CancellationToken.None);
            if (!(await CommandsAsync()).Any(c => c.State is WritebackState.Pending or WritebackState.Sending or WritebackState.Unknown))
            {
                return;
            }
            Clock.Advance(TimeSpan.FromMinutes(3));
        }
        throw new InvalidOperationException("Writeback did not settle.");
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
    }
}
