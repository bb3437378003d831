using System.Diagnostics;
using DentalHub.Bench.Benchmarks;
using DentalHub.Bench.Hub;
using DentalHub.Bench.Infrastructure;
using DentalHub.Bench.OpenDental;
using DentalHub.Bench.Writeback;
using DentalHub.Connectors.Contract;
using DentalHub.Data;

// DentalHub's sync, search and writeback benchmarks (architecture §8): ratios measured in one run on one machine.
// See bench/README.md for what each number means.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var total = Stopwatch.StartNew();
await using var servers = new DatabaseServers(BenchPaths.RepositoryRoot);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Let the finally blocks stop the servers this run started.
    e.Cancel = true;
    stop.Cancel();
};
// Writeback and search need no Open Dental database: search syncs generated families from memory.
await servers.StartAsync(options.Databases.Contains(DatabaseProvider.Postgres), stop.Token, needMariaDb: !options.Writeback && !options.Search && !options.Resources);
if (options.Resources)
{
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
    var benchmark = new ResourceSyncBenchmark(options, servers);
    var appointments = ResourceSyncBenchmark.Appointments(options.Appointments);
    var ledger = options.ResourcesIncrementalOnly ? [] : ResourceSyncBenchmark.Ledger(options.LedgerLines);
    var initialResources = new List<ResourceSyncResult>();
    var incrementalResources = new List<ResourceIncrementalResult>();
    foreach (var provider in options.Databases)
    {
        if (!options.ResourcesIncrementalOnly)
        {
            initialResources.Add(await benchmark.InitialAsync(provider, DentalHub.Sync.SyncResources.Appointments, appointments, pms => pms.Appointments));
            initialResources.Add(await benchmark.InitialAsync(provider, DentalHub.Sync.SyncResources.LedgerEntries, ledger, pms => pms.LedgerEntries));
        }
        incrementalResources.Add(await benchmark.IncrementalAsync(provider, appointments));
    }
    ResourceSyncBenchmark.Print(initialResources, incrementalResources);
    Console.WriteLine($"Whole run: {Report.Seconds(total.Elapsed)}.");
    return 0;
}
if (options.Writeback)
{
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
    var writeback = new List<WritebackResult>();
    foreach (var provider in options.Databases)
    {
        writeback.Add(await new WritebackBenchmark(options, servers).RunAsync(provider, stop.Token));
    }
    WritebackBenchmark.Print(writeback, options);
    Console.WriteLine();
    Console.WriteLine($"Whole run: {Report.Seconds(total.Elapsed)}.");
    return 0;
}
if (options.Search)
{
    var searches = new List<SearchResult>();
    foreach (var provider in options.Databases)
    {
        searches.AddRange(await new SearchBenchmark(options, servers).RunAsync(provider));
    }
    SearchBenchmark.Print(searches);
    Console.WriteLine($"Whole run: {Report.Seconds(total.Elapsed)}.");
    return 0;
}
await using var source = new OpenDentalSource(servers.MariaDbServer);

Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; MariaDB {await source.ServerVersionAsync()}");
var referenceYear = TimeProvider.System.GetUtcNow().Year - 1;
var large = await LoadPracticeAsync("large", options.Patients, seed: 20261122);
var small = options.Incremental || options.ProfileIncremental ? await LoadPracticeAsync("small", options.SmallPractice, seed: 20261123) : null;

var initial = new List<InitialSyncResult>();
var incremental = new List<IncrementalResult>();
(List<PmsPatient> Small, List<PmsPatient> Large)? records = null;
foreach (var provider in options.Databases)
{
    stop.Token.ThrowIfCancellationRequested();
    if (options.Profile)
    {
        await ProfileAsync(provider);
    }
    if (options.ProfileIncremental)
    {
        await ProfileIncrementalAsync(provider);
    }
    if (options.InitialSync)
    {
        initial.Add(await new InitialSyncBenchmark(options, servers, source, large.Database).RunAsync(provider));
    }
    if (options.Incremental)
    {
        var benchmark = new IncrementalSyncBenchmark(options, servers, source);
        if (options.IncrementalFromOpenDental)
        {
            incremental.Add(await benchmark.RunOpenDentalAsync(provider, small!, large));
        }
        if (options.IncrementalFromMemory)
        {
            records ??= await ReadRecordsAsync(provider, small!, large);
            var (smallRecords, largeRecords) = records.Value;
            incremental.Add(await benchmark.RunInMemoryAsync(provider, smallRecords, largeRecords));
        }
    }
}

if (initial.Count > 0)
{
    InitialSyncBenchmark.Print(options.Patients, initial);
}
if (incremental.Count > 0)
{
    IncrementalSyncBenchmark.Print(incremental, options.ChangedPerRun);
}
Console.WriteLine();
Console.WriteLine($"Whole run: {Report.Seconds(total.Elapsed)}.");
return 0;

async Task<OpenDentalPractice> LoadPracticeAsync(string label, int count, int seed)
{
    var watch = Stopwatch.StartNew();
    var database = await source.CreateDatabaseAsync(label);
    var schema = watch.Elapsed;
    var patients = new FamilyGenerator(seed, referenceYear).Generate(count);
    watch.Restart();
    await source.InsertAsync(database, patients);
    var families = patients.Select(p => p.Guarantor).Distinct().Count();
    Report.Step($"Open Dental database {database}: schema 21.1 loaded in {Report.Seconds(schema)}; " +
        $"{Report.Count(count)} patients in {Report.Count(families)} families inserted in {Report.Seconds(watch.Elapsed)} " +
        $"({Report.Rate(Report.RowsPerSecond(count, watch.Elapsed))}, not part of any ratio)");
    return new OpenDentalPractice(database, patients);
}

async Task ProfileAsync(DatabaseProvider provider)
{
    await using var host = await HubHost.StartAsync(HubDatabase.Create(provider, servers.PostgresServer));
    var tenant = await host.AddPracticeAsync("Profile Dental");
    var (values, secrets) = source.ConnectionSettings(large.Database);
    var records = await host.ReadAllAsync(await host.ConnectAsync(tenant, DentalHub.Connectors.OpenDental.OpenDentalConnector.Key, "Profile", values, secrets));
    var memory = await host.ConnectMemoryAsync(tenant, new MemoryPms());
    await EngineProfile.RunAsync(host, memory, records, options.Runs);
}

async Task ProfileIncrementalAsync(DatabaseProvider provider)
{
    foreach (var practice in new[] { small!, large })
    {
        await using var host = await HubHost.StartAsync(HubDatabase.Create(provider, servers.PostgresServer));
        var tenant = await host.AddPracticeAsync("Profile Dental");
        var (values, secrets) = source.ConnectionSettings(practice.Database);
        var all = await host.ReadAllAsync(await host.ConnectAsync(tenant, DentalHub.Connectors.OpenDental.OpenDentalConnector.Key, "Profile", values, secrets));
        var stride = all.Count / options.ChangedPerRun;
        var edits = Enumerable.Range(0, options.Runs + 1)
            .Select(round => (IReadOnlyList<PmsPatient>)Enumerable.Range(0, options.ChangedPerRun)
                .Select(k => all[k * stride + round] with { Phones = all[k * stride + round].Phones with { Mobile = $"(555){round:000}-{k:0000}" } })
                .ToList())
            .ToList();
        await EngineProfile.RunIncrementalAsync(host, await host.ConnectMemoryAsync(tenant, new MemoryPms()), all, edits);
    }
}

// The in-memory source serves exactly what the Open Dental connector reads from the same databases.
async Task<(List<PmsPatient> Small, List<PmsPatient> Large)> ReadRecordsAsync(DatabaseProvider provider, OpenDentalPractice smallPractice, OpenDentalPractice largePractice)
{
    await using var host = await HubHost.StartAsync(HubDatabase.Create(provider, servers.PostgresServer));
    var tenant = await host.AddPracticeAsync("Reader");
    async Task<List<PmsPatient>> ReadAsync(OpenDentalPractice practice)
    {
        var (values, secrets) = source.ConnectionSettings(practice.Database);
        return await host.ReadAllAsync(await host.ConnectAsync(tenant, DentalHub.Connectors.OpenDental.OpenDentalConnector.Key, "Reader", values, secrets));
    }
    return (await ReadAsync(smallPractice), await ReadAsync(largePractice));
}
