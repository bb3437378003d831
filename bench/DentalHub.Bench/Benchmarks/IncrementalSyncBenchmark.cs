using DentalHub.Bench.Hub;
using DentalHub.Bench.Infrastructure;
using DentalHub.Bench.OpenDental;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental;
using DentalHub.Data;

namespace DentalHub.Bench.Benchmarks;

/// <summary>Incremental run times of one database and source, among the small and the large practice.</summary>
public sealed record IncrementalResult(string Database, string Source, int Small, int Large, IReadOnlyList<TimeSpan> AmongSmall, IReadOnlyList<TimeSpan> AmongLarge)
{
    public double Ratio => Report.Median(AmongLarge) / Report.Median(AmongSmall);
}

/// <summary>An Open Dental database and the patients loaded into it.</summary>
public sealed record OpenDentalPractice(string Database, IReadOnlyList<OdPatient> Patients);

/// <summary>
/// Incremental sync: a practice already synced, then 1,000 of its patients edited, then one timed
/// patient sync run, among 10k and among 100k patients. Two sources: Open Dental's MariaDB (an UPDATE
/// moves DateTStamp; the run waits out the connector's 2-second settle window before syncing), and
/// the in-memory PMS, which leaves the PMS's own query out. One warm-up edit, then the counted runs;
/// every run edits different patients.
/// </summary>
public sealed class IncrementalSyncBenchmark(BenchOptions options, DatabaseServers servers, OpenDentalSource source)
{
    public async Task<IncrementalResult> RunOpenDentalAsync(DatabaseProvider provider, OpenDentalPractice small, OpenDentalPractice large)
    {
        var amongSmall = await OpenDentalRunsAsync(provider, small);
        var amongLarge = await OpenDentalRunsAsync(provider, large);
        return new IncrementalResult(amongSmall.Database, "Open Dental (MariaDB)", small.Patients.Count, large.Patients.Count, amongSmall.Times, amongLarge.Times);
    }

    public async Task<IncrementalResult> RunInMemoryAsync(DatabaseProvider provider, IReadOnlyList<PmsPatient> small, IReadOnlyList<PmsPatient> large)
    {
        var amongSmall = await InMemoryRunsAsync(provider, small);
        var amongLarge = await InMemoryRunsAsync(provider, large);
        return new IncrementalResult(amongSmall.Database, "in-memory PMS", small.Count, large.Count, amongSmall.Times, amongLarge.Times);
    }

    private async Task<(string Database, List<TimeSpan> Times)> OpenDentalRunsAsync(DatabaseProvider provider, OpenDentalPractice practice)
    {
        await using var host = await HubHost.StartAsync(HubDatabase.Create(provider, servers.PostgresServer));
        var name = await host.Database.ServerVersionAsync();
        var tenant = await host.AddPracticeAsync("Bench Dental");
        var (values, secrets) = source.ConnectionSettings(practice.Database);
        var connection = await host.ConnectAsync(tenant, OpenDentalConnector.Key, "Front office Open Dental", values, secrets);
        var full = await host.SyncAsync(connection);
        Report.Step($"{name}: {Report.Count(practice.Patients.Count)} Open Dental patients synced in {Report.Seconds(full)}; now editing {options.ChangedPerRun} at a time");
        var picks = new PatientPicker(practice.Patients.Select(p => p.PatNum).ToList());
        var times = new List<TimeSpan>();
        for (var round = 0; round <= options.Runs; round++)
        {
            await source.ChangeMobilePhonesAsync(practice.Database, picks.Next(options.ChangedPerRun));
            await source.WaitUntilChangesSettleAsync(practice.Database);
            await host.Database.SettleAsync();
            var time = await host.SyncAsync(connection);
            await CheckAsync(host, connection);
            Report.Step($"  {(round == 0 ? "warm-up" : $"run {round}/{options.Runs}")}: {Report.Seconds(time)}");
            if (round > 0)
            {
                times.Add(time);
            }
        }
        return (name, times);
    }

    private async Task<(string Database, List<TimeSpan> Times)> InMemoryRunsAsync(DatabaseProvider provider, IReadOnlyList<PmsPatient> patients)
    {
        await using var host = await HubHost.StartAsync(HubDatabase.Create(provider, servers.PostgresServer));
        var name = await host.Database.ServerVersionAsync();
        var tenant = await host.AddPracticeAsync("Bench Dental");
        var pms = new MemoryPms();
        pms.Reset(patients);
        var connection = await host.ConnectMemoryAsync(tenant, pms);
        var full = await host.SyncAsync(connection);
        Report.Step($"{name}: {Report.Count(patients.Count)} in-memory patients synced in {Report.Seconds(full)}; now editing {options.ChangedPerRun} at a time");
        var byId = patients.ToDictionary(p => long.Parse(p.PmsId, System.Globalization.CultureInfo.InvariantCulture));
        var picks = new PatientPicker(byId.Keys.ToList());
        var times = new List<TimeSpan>();
        for (var round = 0; round <= options.Runs; round++)
        {
            pms.Append(picks.Next(options.ChangedPerRun).Select(id => byId[id] with { Phones = byId[id].Phones with { Mobile = $"(555){round:000}-{id % 10000:0000}" } }));
            await host.Database.SettleAsync();
            var time = await host.SyncAsync(connection);
            await CheckAsync(host, connection);
            Report.Step($"  {(round == 0 ? "warm-up" : $"run {round}/{options.Runs}")}: {Report.Seconds(time)}");
            if (round > 0)
            {
                times.Add(time);
            }
        }
        return (name, times);
    }

    private async Task CheckAsync(HubHost host, HubConnection connection)
    {
        var run = await host.LastRunAsync(connection);
        if (run.FullRead || run.Read != options.ChangedPerRun)
        {
            throw new InvalidOperationException($"The incremental run read {run.Read} patients (full read: {run.FullRead}); expected the {options.ChangedPerRun} edited.");
        }
    }

    public static void Print(IReadOnlyList<IncrementalResult> results, int changed)
    {
        var rows = new List<string[]> { new[] { "database", "source", "among small", "among large", "large/small", "target ≤ 1.5", "runs small (s)", "runs large (s)" } };
        rows.AddRange(results.Select(r => new[]
        {
            r.Database, r.Source, $"{Report.Seconds(Report.Median(r.AmongSmall))} ({Report.Count(r.Small)})",
            $"{Report.Seconds(Report.Median(r.AmongLarge))} ({Report.Count(r.Large)})", Report.Ratio(r.Ratio), r.Ratio <= 1.5 ? "met" : "NOT MET",
            Report.Runs(r.AmongSmall), Report.Runs(r.AmongLarge),
        }));
        Report.PrintTable($"Incremental sync of {Report.Count(changed)} changed patients (median time of one patient sync run; practice size in brackets)", rows);
    }

    /// <summary>Hands out patients to edit, each at most once, spread over the whole practice.</summary>
    private sealed class PatientPicker(List<long> ids)
    {
        private readonly Random random = new(7);
        private readonly HashSet<long> used = [];

        public List<long> Next(int count)
        {
            var picked = new List<long>(count);
            while (picked.Count < count)
            {
                var id = ids[random.Next(ids.Count)];
                if (used.Add(id))
                {
                    picked.Add(id);
                }
            }
            return picked;
        }
    }
}
