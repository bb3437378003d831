using DentalHub.Bench.Hub;
using DentalHub.Bench.Infrastructure;
using DentalHub.Bench.OpenDental;
using DentalHub.Bench.Raw;
using DentalHub.Connectors.OpenDental;
using DentalHub.Data;

namespace DentalHub.Bench.Benchmarks;

/// <summary>The figures of one database: medians of the warm runs and every run's time.</summary>
public sealed record InitialSyncResult(
    string Database, int Records, int RawRows, IReadOnlyList<TimeSpan> Raw, IReadOnlyList<TimeSpan> Engine, IReadOnlyList<TimeSpan> EndToEnd, string Outcome)
{
    public double R => Report.RowsPerSecond(RawRows, Report.Median(Raw));
    public double E => Report.RowsPerSecond(Records, Report.Median(Engine));
    public double E2E => Report.RowsPerSecond(Records, Report.Median(EndToEnd));
    public double Efficiency => E / R;
}

/// <summary>
/// Initial sync of the practice's patients into a fresh database, three ways, in one run on one
/// database: R, the raw bulk path writing the same Patients and PatientLinks rows; E, the engine fed
/// from memory (PMS latency excluded, architecture §3.3); E2E, the engine reading Open Dental's
/// MariaDB through the real connector. Rounds interleave R, E and E2E so drift hits all three alike;
/// the first round warms up and is not counted. The sync tables are emptied before every run.
/// </summary>
public sealed class InitialSyncBenchmark(BenchOptions options, DatabaseServers servers, OpenDentalSource source, string odDatabase)
{
    public async Task<InitialSyncResult> RunAsync(DatabaseProvider provider)
    {
        await using var host = await HubHost.StartAsync(HubDatabase.Create(provider, servers.PostgresServer));
        var name = await host.Database.ServerVersionAsync();
        Report.Step($"{name}: initial sync benchmark, {options.Runs} warm runs after one warm-up");
        var tenant = await host.AddPracticeAsync("Bench Dental");
        var (values, secrets) = source.ConnectionSettings(odDatabase);
        var openDental = await host.ConnectAsync(tenant, OpenDentalConnector.Key, "Front office Open Dental", values, secrets);
        var memory = new MemoryPms();
        var inMemory = await host.ConnectMemoryAsync(tenant, memory);

        var records = await host.ReadAllAsync(openDental);
        memory.Reset(records);
        var practiceToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime);
        var rows = RawRows.Plan(records, tenant.PracticeId!.Value, inMemory.ConnectionId, practiceToday, "Open Dental");
        IRawBaseline raw = provider == DatabaseProvider.Sqlite ? new SqliteRawBaseline(rows) : new PostgresRawBaseline(rows);

        List<TimeSpan> rawTimes = [], engineTimes = [], endToEndTimes = [];
        var outcome = "";
        for (var round = 0; round <= options.Runs; round++)
        {
            var label = round == 0 ? "warm-up" : $"run {round}/{options.Runs}";
            await host.Database.EmptySyncTablesAsync();
            var r = await raw.WriteAsync(host.Database);
            await host.Database.EmptySyncTablesAsync();
            var e = await host.SyncAsync(inMemory);
            var engineRun = await host.LastRunAsync(inMemory);
            await host.Database.EmptySyncTablesAsync();
            var e2e = await host.SyncAsync(openDental);
            var endToEndRun = await host.LastRunAsync(openDental);
            Check(engineRun, endToEndRun, records.Count, rows.Patients.Count);
            outcome = $"read {Report.Count(engineRun.Read)}, created {Report.Count(engineRun.Created)}, linked to an existing profile {Report.Count(engineRun.Updated)}, " +
                $"import failures {Report.Count(engineRun.Failed)}, imported with a warning {Report.Count(engineRun.Warnings)}";
            Report.Step($"  {label}: R {Report.Seconds(r)}, E {Report.Seconds(e)}, E2E {Report.Seconds(e2e)}");
            if (round > 0)
            {
                rawTimes.Add(r);
                engineTimes.Add(e);
                endToEndTimes.Add(e2e);
            }
        }
        return new InitialSyncResult(name, records.Count, rows.Patients.Count, rawTimes, engineTimes, endToEndTimes, outcome);
    }

    // Every way must have done the same work, or the ratio compares different things.
    private static void Check(DentalHub.Sync.SyncRun engine, DentalHub.Sync.SyncRun endToEnd, int records, int rawRows)
    {
        if (engine.Read != records || endToEnd.Read != records || engine.Created + engine.Updated != rawRows
            || endToEnd.Created != engine.Created || endToEnd.Failed != engine.Failed)
        {
            throw new InvalidOperationException(
                $"Runs disagree: {records} records, {rawRows} raw rows; engine read {engine.Read}, wrote {engine.Created + engine.Updated}, failed {engine.Failed}; " +
                $"end-to-end read {endToEnd.Read}, created {endToEnd.Created}, failed {endToEnd.Failed}.");
        }
    }

    public static void Print(int patients, IReadOnlyList<InitialSyncResult> results)
    {
        var rows = new List<string[]> { new[] { "database", "R raw bulk", "E engine (memory)", "E2E engine (MariaDB)", "η = E/R", "E2E/R", "target η ≥ 0.5" } };
        rows.AddRange(results.Select(r => new[]
        {
            r.Database, Report.Rate(r.R), Report.Rate(r.E), Report.Rate(r.E2E), Report.Ratio(r.Efficiency), Report.Ratio(r.E2E / r.R),
            r.Efficiency >= 0.5 ? "met" : "NOT MET",
        }));
        Report.PrintTable($"Initial sync of {Report.Count(patients)} Open Dental patients (medians of warm runs; rows/s = patients per second)", rows);
        var runs = new List<string[]> { new[] { "database", "R runs (s)", "E runs (s)", "E2E runs (s)", "rows R writes per table" } };
        runs.AddRange(results.Select(r => new[] { r.Database, Report.Runs(r.Raw), Report.Runs(r.Engine), Report.Runs(r.EndToEnd), Report.Count(r.RawRows) }));
        Report.PrintTable("Every warm run", runs);
        foreach (var r in results)
        {
            Console.WriteLine($"  {r.Database}: each engine run {r.Outcome}.");
        }
    }
}
