using System.Reflection;
using DentalHub.Bench.Hub;
using DentalHub.Bench.Infrastructure;
using DentalHub.Bench.Resources;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Sync;
using DentalHub.Sync.Records;

namespace DentalHub.Bench.Benchmarks;

public sealed record ResourceSyncResult(DatabaseProvider Provider, string Resource, int Rows, IReadOnlyList<TimeSpan> Raw, IReadOnlyList<TimeSpan> Engine)
{
    public double RawRate => Report.RowsPerSecond(Rows, Report.Median(Raw));
    public double EngineRate => Report.RowsPerSecond(Rows, Report.Median(Engine));
    public double Efficiency => EngineRate / RawRate;
}

public sealed record ResourceIncrementalResult(DatabaseProvider Provider, string Resource, int SmallRows, int LargeRows, IReadOnlyList<TimeSpan> Small, IReadOnlyList<TimeSpan> Large)
{
    public double Ratio => Report.Median(Large) / Report.Median(Small);
}

/// <summary>
/// Initial sync of each large resource (appointments, ledger lines) through the generic engine from the in-memory
/// PMS, against the raw bulk limit of the same table in the same run (η = E / R, target ≥ 0.5); and 1,000 changed
/// appointments among N/10 and among N (target: within 1.5×). Each measurement runs on a fresh database.
/// </summary>
public sealed class ResourceSyncBenchmark(BenchOptions options, DatabaseServers servers)
{
    private const int ChangedPerRun = 1_000;
    private const int Patients = 100_000;

    public async Task<ResourceSyncResult> InitialAsync<TRecord>(DatabaseProvider provider, string resource, IReadOnlyList<TRecord> records, Func<MemoryPms, MemoryFeed<TRecord>> feedOf)
        where TRecord : IPmsRecord
    {
        var raw = new List<TimeSpan>();
        var engine = new List<TimeSpan>();
        for (var round = 0; round <= options.Runs; round++)
        {
            var r = await RawAsync(provider, resource, records);
            var e = await EngineAsync(provider, resource, records, feedOf);
            Report.Step($"{provider} {resource}: round {round}{(round == 0 ? " (warm-up)" : "")}: raw {Report.Seconds(r)}, engine {Report.Seconds(e)}");
            if (round > 0)
            {
                raw.Add(r);
                engine.Add(e);
            }
        }
        return new ResourceSyncResult(provider, resource, records.Count, raw, engine);
    }

    public async Task<ResourceIncrementalResult> IncrementalAsync(DatabaseProvider provider, IReadOnlyList<PmsAppointment> large)
    {
        var small = large.Take(large.Count / 10).ToList();
        var smallTimes = await EditsAsync(provider, small);
        var largeTimes = await EditsAsync(provider, large);
        return new ResourceIncrementalResult(provider, SyncResources.Appointments, small.Count, large.Count, smallTimes, largeTimes);
    }

    private async Task<List<TimeSpan>> EditsAsync(DatabaseProvider provider, IReadOnlyList<PmsAppointment> all)
    {
        await using var host = await HubHost.StartAsync(HubDatabase.Create(provider, servers.PostgresServer));
        var tenant = await host.AddPracticeAsync("Incremental Dental");
        var pms = new MemoryPms();
        var connection = await host.ConnectMemoryAsync(tenant, pms);
        pms.Appointments.Reset(all);
        await host.SyncAsync(connection, SyncResources.Appointments);
        var times = new List<TimeSpan>();
        var stride = all.Count / ChangedPerRun;
        for (var round = 0; round <= options.Runs; round++)
        {
            pms.Appointments.Append(Enumerable.Range(0, ChangedPerRun).Select(k => ResourceRecords.Edited(all[(k * stride + round) % all.Count], round + 1)));
            await host.Database.SettleAsync();
            var time = await host.SyncAsync(connection, SyncResources.Appointments);
            var run = await host.LastRunAsync(connection, SyncResources.Appointments);
            if (run.Updated != ChangedPerRun)
            {
                throw new InvalidOperationException($"An incremental run updated {run.Updated} appointments instead of {ChangedPerRun}.");
            }
            if (round > 0)
            {
                times.Add(time);
            }
        }
        Report.Step($"{provider} appointments: 1,000 edits among {Report.Count(all.Count)}: {Report.Runs(times)}");
        return times;
    }

    private async Task<TimeSpan> EngineAsync<TRecord>(DatabaseProvider provider, string resource, IReadOnlyList<TRecord> records, Func<MemoryPms, MemoryFeed<TRecord>> feedOf)
        where TRecord : IPmsRecord
    {
        await using var host = await HubHost.StartAsync(HubDatabase.Create(provider, servers.PostgresServer));
        var tenant = await host.AddPracticeAsync("Engine Dental");
        var pms = new MemoryPms();
        var connection = await host.ConnectMemoryAsync(tenant, pms);
        feedOf(pms).Reset(records);
        var time = await host.SyncAsync(connection, resource);
        var run = await host.LastRunAsync(connection, resource);
        if (run.Created != records.Count || run.Failed != 0)
        {
            throw new InvalidOperationException($"The engine created {run.Created} of {records.Count} {resource} ({run.Failed} failed).");
        }
        return time;
    }

    private async Task<TimeSpan> RawAsync<TRecord>(DatabaseProvider provider, string resource, IReadOnlyList<TRecord> records) where TRecord : IPmsRecord
    {
        var definition = SyncResourceCatalog.Find(resource) ?? throw new InvalidOperationException($"No resource {resource}.");
        var rowType = definition.GetType().GetGenericArguments()[1];
        var method = typeof(ResourceSyncBenchmark).GetMethod(nameof(RawOfAsync), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(typeof(TRecord), rowType);
        return await (Task<TimeSpan>)method.Invoke(this, [provider, definition, records])!;
    }

    private async Task<TimeSpan> RawOfAsync<TRecord, TRow>(DatabaseProvider provider, RecordResource<TRecord, TRow> resource, IReadOnlyList<TRecord> records)
        where TRecord : IPmsRecord where TRow : PmsRecordRow
    {
        await using var host = await HubHost.StartAsync(HubDatabase.Create(provider, servers.PostgresServer));
        var tenant = await host.AddPracticeAsync("Raw Dental");
        var connection = await host.ConnectMemoryAsync(tenant, new MemoryPms());
        await using var db = host.Databases.Create(tenant);
        var context = new SyncRunContext(tenant.PracticeId!.Value, connection.ConnectionId, "Open Dental",
            TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"), new DateOnly(2026, 12, 7), provider, TimeProvider.System);
        var rows = RawResourceBaseline.RowsOf(resource, records, context, db);
        return await RawResourceBaseline.WriteAsync(db, rows);
    }

    public static List<PmsAppointment> Appointments(int count) => ResourceRecords.Appointments(count, Patients, seed: 20261207);

    public static List<PmsLedgerEntry> Ledger(int count) => ResourceRecords.LedgerEntries(count, Patients, seed: 20261208);

    public static void Print(IReadOnlyList<ResourceSyncResult> initial, IReadOnlyList<ResourceIncrementalResult> incremental)
    {
        Report.PrintTable("Initial sync per resource (in-memory PMS; medians)",
        [
            ["database", "resource", "rows", "R raw bulk", "E engine", "η = E/R", "target ≥ 0.5", "every warm run (R | E)"],
            .. initial.Select(r => new[]
            {
                r.Provider.ToString(), r.Resource, Report.Count(r.Rows), Report.Rate(r.RawRate), Report.Rate(r.EngineRate), Report.Ratio(r.Efficiency),
                r.Efficiency >= 0.5 ? "met" : "NOT MET", $"{Report.Runs(r.Raw)} | {Report.Runs(r.Engine)}",
            }),
        ]);
        if (incremental.Count > 0)
        {
            Report.PrintTable($"Incremental sync: {Report.Count(ChangedPerRun)} changed appointments (in-memory PMS; median of one run)",
            [
                ["database", "small", "large", "small time", "large time", "ratio", "target ≤ 1.5"],
                .. incremental.Select(r => new[]
                {
                    r.Provider.ToString(), Report.Count(r.SmallRows), Report.Count(r.LargeRows), Report.Seconds(Report.Median(r.Small)), Report.Seconds(Report.Median(r.Large)),
                    Report.Ratio(r.Ratio), r.Ratio <= 1.5 ? "met" : "NOT MET",
                }),
            ]);
        }
    }
}
