using System.Diagnostics;
using DentalHub.Bench.Hub;
using DentalHub.Bench.Infrastructure;
using DentalHub.Bench.Raw;
using DentalHub.Connectors.Contract;
using DentalHub.Patients;
using DentalHub.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DentalHub.Bench.Benchmarks;

/// <summary>
/// Where an initial sync's time goes (the <c>profile</c> command): the steps of the sync runner's store loop
/// (pages grouped into transactions as the engine groups pages read ahead, page lookups, plan, set-wise
/// write, commit, the one statistics refresh) each with a stopwatch, beside the raw baseline R on the
/// same database; then the planner's per-record work (validation, match key, hash) alone, in memory.
/// Leaves out what the engine adds around the loop (lease, run record, cursor and progress updates).
/// </summary>
public static class EngineProfile
{
    public static async Task RunAsync(HubHost host, HubConnection connection, IReadOnlyList<PmsPatient> records, int runs)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime);
        var rows = RawRows.Plan(records, connection.Tenant.PracticeId!.Value, connection.ConnectionId, today, "Open Dental");
        IRawBaseline raw = host.Database.Provider == DentalHub.Data.DatabaseProvider.Sqlite ? new SqliteRawBaseline(rows) : new PostgresRawBaseline(rows);
        for (var round = 0; round <= runs; round++)
        {
            await host.Database.EmptySyncTablesAsync();
            var r = await raw.WriteAsync(host.Database);
            await host.Database.EmptySyncTablesAsync();
            var steps = await StoreAsync(host, connection, records, today);
            var total = steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Time);
            Console.WriteLine($"  {(round == 0 ? "warm-up" : $"run {round}/{runs}")}: {host.Database.Provider}, {Report.Count(records.Count)} records: " +
                $"store loop {Report.Seconds(total)} ({Report.Rate(Report.RowsPerSecond(records.Count, total))}), R {Report.Seconds(r)}");
            foreach (var (step, time) in steps)
            {
                Console.WriteLine($"    {step,-34} {Report.Seconds(time),10}  {time / total,6:P0}");
            }
        }
        PlannerParts(records, today);
    }

    /// <summary>
    /// The same steps for an incremental run (the <c>profile-incremental</c> command): the practice stored
    /// once untimed, then <paramref name="runs"/> batches of edited records, each timed step by step.
    /// </summary>
    public static async Task RunIncrementalAsync(HubHost host, HubConnection connection, IReadOnlyList<PmsPatient> records, IReadOnlyList<IReadOnlyList<PmsPatient>> edits)
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        await host.Database.EmptySyncTablesAsync();
        await StoreAsync(host, connection, records, today);
        foreach (var (batch, round) in edits.Select((b, i) => (b, i)))
        {
            await host.Database.SettleAsync();
            var steps = await StoreAsync(host, connection, batch, today);
            var total = steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Time);
            var logged = await host.Database.LoggedPagesAsync() is { } pages ? $", {Report.Count((int)pages)} pages logged" : "";
            Console.WriteLine($"  {(round == 0 ? "warm-up" : $"run {round}/{edits.Count - 1}")}: {host.Database.Provider}, {Report.Count(batch.Count)} edits among {Report.Count(records.Count)}: store loop {Report.Seconds(total)}{logged}");
            foreach (var (step, time) in steps.Where(s => s.Time > TimeSpan.Zero))
            {
                Console.WriteLine($"    {step,-34} {Report.Seconds(time),10}  {time / total,6:P0}");
            }
        }
    }

    private static async Task<(string Step, TimeSpan Time)[]> StoreAsync(HubHost host, HubConnection connection, IReadOnlyList<PmsPatient> records, DateOnly today)
    {
        var writer = PatientBatchWriters.For(host.Database.Provider);
        var planner = new PatientPagePlanner(today, "Open Dental");
        Stopwatch lookups = new(), planning = new(), writing = new(), committing = new(), statistics = new();
        var stored = 0;
        await using var db = host.Databases.Create(connection.Tenant);
        foreach (var group in records.Chunk(MemoryPms.PageSize).Chunk(SyncRunner.RowsPerTransaction / MemoryPms.PageSize))
        {
            committing.Start();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await writer.PrepareTransactionAsync(db, CancellationToken.None);
            committing.Stop();
            foreach (var page in group)
            {
                lookups.Start();
                var known = await PageLookupQueries.LoadAsync(db, connection.ConnectionId, page, CancellationToken.None);
                lookups.Stop();
                planning.Start();
                var plan = planner.Plan(page, known);
                planning.Stop();
                writing.Start();
                var target = new PageTarget(connection.Tenant.PracticeId!.Value, connection.ConnectionId, TimeProvider.System.GetUtcNow());
                await writer.WriteAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), target, plan, CancellationToken.None);
                writing.Stop();
            }
            committing.Start();
            await transaction.CommitAsync();
            committing.Stop();
            var before = stored;
            stored += group.Sum(p => p.Length);
            if (before < 10_000 && stored >= 10_000)
            {
                statistics.Start();
                await writer.RefreshStatisticsAsync(db, CancellationToken.None);
                statistics.Stop();
            }
        }
        return [("page lookups (4 queries per page)", lookups.Elapsed), ("plan (validate, match, hash)", planning.Elapsed),
            ("set-wise write", writing.Elapsed), ("begin + commit", committing.Elapsed), ("statistics refresh", statistics.Elapsed)];
    }

    private static void PlannerParts(IReadOnlyList<PmsPatient> records, DateOnly today)
    {
        var valid = records.Where(r => r.FirstName is not null && r.LastName is not null && r.BirthDate is { Year: > 1 }).ToList();
        for (var warm = 0; warm < 2; warm++)
        {
            var check = Time(() => records.Sum(r => PatientValidation.Check(r, today, "Open Dental").Count));
            var key = Time(() => valid.Sum(r => MatchKeys.For(r.FirstName!, r.LastName!, r.BirthDate!.Value).Length));
            var hash = Time(() => (int)valid.Sum(r => PatientHash.Of(r) & 1));
            if (warm == 1)
            {
                Console.WriteLine($"  planner parts over {Report.Count(records.Count)} records: validation {Report.Seconds(check)}, match keys {Report.Seconds(key)}, hashes {Report.Seconds(hash)}");
            }
        }
    }

    private static TimeSpan Time(Func<int> work)
    {
        var watch = Stopwatch.StartNew();
        GC.KeepAlive(work());
        return watch.Elapsed;
    }
}
