using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using DentalHub.Bench.Hub;
using DentalHub.Bench.Infrastructure;
using DentalHub.Bench.Writeback.Kinds;
using DentalHub.Data;
using DentalHub.TestDoubles.OpenDental;

namespace DentalHub.Bench.Writeback;

/// <summary>One database's figures: latency at a steady offered rate, and the rate one node sustains.</summary>
public sealed record WritebackResult(
    string Database, WritebackPhase Steady, WritebackPhase Burst, IReadOnlyList<KindLatency> Kinds);

/// <summary>One kind's latency at the offered rate, on one database.</summary>
public sealed record KindLatency(BenchWriteKind Kind, WritebackPhase Steady);

/// <summary>
/// Writeback latency from the REST API to the PMS: payments posted to <c>POST /api/v1/payments</c>
/// of the whole app on Kestrel, written by its own background worker (instant mode) to the Open Dental
/// API test double on loopback, which timestamps each payment the moment it keeps it. Then every kind of write
/// (payments, staff notes filed as commlogs, adjustments, appointment bookings) the same way, a batch each, so their
/// latencies stand side by side.
/// </summary>
public sealed class WritebackBenchmark(BenchOptions options, DatabaseServers servers)
{
    private const int Patients = 1_000;
    private const int WarmUp = 500;
    private const int BurstClients = 16;
    private const int KindWarmUp = 200;

    public async Task<WritebackResult> RunAsync(DatabaseProvider provider, CancellationToken cancellationToken)
    {
        await using var openDental = await OpenDentalApiTestDouble.StartAsync();
        openDental.Add(Enumerable.Range(1, Patients).Select(i => new DoublePatient(i, $"Pat{i}", "Bench", openDental.OfficeNow.AddMinutes(-5))));
        var database = HubDatabase.Create(provider, servers.PostgresServer);
        var label = await database.ServerVersionAsync();
        try
        {
            await using var hub = new WritebackHub(database);
            hub.Start();
            var practice = await hub.PreparePracticeAsync(openDental);
            Report.Step($"{label}: app on {hub.BaseUrl}, {Report.Count(practice.PatientIds.Count)} patients synced from the Open Dental API double");
            using var client = new HttpClient { BaseAddress = new Uri(hub.BaseUrl) };
            client.DefaultRequestHeaders.Authorization = new("Bearer", practice.ApiKey);
            var run = new WriteRun(client, hub, openDental, practice);
            var payments = BenchWriteKind.All.OfType<PaymentKind>().Single();

            var warm = await run.RunAsync(payments, "warm", WarmUp, options.Rate, cancellationToken);
            Report.Step($"{label}: warm-up of {Report.Count(WarmUp)} payments written back (p99 {Ms(warm.P99)}), not counted");
            var steady = await run.RunAsync(payments, "steady", options.Payments, options.Rate, cancellationToken);
            Report.Step($"{label}: {Report.Count(options.Payments)} payments at {options.Rate}/s: p50 {Ms(steady.P50)}, p99 {Ms(steady.P99)}");
            var burst = await run.RunAsync(payments, "burst", options.Payments, null, cancellationToken, BurstClients);
            Report.Step($"{label}: {Report.Count(options.Payments)} payments from {BurstClients} clients at once: written back at {Report.Rate(burst.WrittenPerSecond)}");
            if (openDental.Payments.Count != WarmUp + 2 * options.Payments)
            {
                throw new InvalidOperationException($"The double holds {openDental.Payments.Count} payments, expected {WarmUp + 2 * options.Payments}: some payment was written twice or not at all.");
            }
            var kinds = new List<KindLatency>();
            foreach (var kind in BenchWriteKind.All)
            {
                await kind.PrepareAsync(hub, openDental, practice, cancellationToken);
                await run.RunAsync(kind, $"{kind.Name}-warm", KindWarmUp, options.Rate, cancellationToken);
                var figure = await run.RunAsync(kind, $"{kind.Name}-steady", options.Writes, options.Rate, cancellationToken);
                Report.Step($"{label}: {Report.Count(options.Writes)} {kind.Name} writes at {options.Rate}/s: p50 {Ms(figure.P50)}, p99 {Ms(figure.P99)}");
                kinds.Add(new KindLatency(kind, figure));
            }
            return new WritebackResult(label, steady, burst, kinds);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    public static void Print(IReadOnlyList<WritebackResult> results, BenchOptions options)
    {
        var target = TimeSpan.FromSeconds(1);
        var rows = new List<string[]> { new[] { "database", "payments", "offered", "p50", "p99", "max", "p99/target", "target p99 < 1 s" } };
        rows.AddRange(results.Select(r => new[]
        {
            r.Database, Report.Count(r.Steady.Count), $"{options.Rate}/s", Ms(r.Steady.P50), Ms(r.Steady.P99), Ms(r.Steady.Max),
            Report.Ratio(r.Steady.P99 / target), r.Steady.P99 < target ? "met" : "NOT MET",
        }));
        Report.PrintTable("Writeback latency, instant mode, loopback: POST /api/v1/payments sent → the Open Dental API double keeps the payment", rows);
        var burst = new List<string[]> { new[] { "database", "payments", "clients", "accepted by the API", "written back (sustained)", "p50", "p99" } };
        burst.AddRange(results.Select(r => new[]
        {
            r.Database, Report.Count(r.Burst.Count), BurstClients.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Report.Rate(r.Burst.AcceptedPerSecond), Report.Rate(r.Burst.WrittenPerSecond), Ms(r.Burst.P50), Ms(r.Burst.P99),
        }));
        Report.PrintTable("Sustained writeback on one node: the same number posted as fast as the clients can (latency here is mostly queueing)", burst);
        var kinds = new List<string[]> { new[] { "database", "kind", "caused by", "writes", "offered", "p50", "p99", "max", "p99/target", "target p99 < 1 s" } };
        kinds.AddRange(results.SelectMany(r => r.Kinds.Select(k => new[]
        {
            r.Database, k.Kind.Name, k.Kind.CausedBy, Report.Count(k.Steady.Count), $"{options.Rate}/s", Ms(k.Steady.P50), Ms(k.Steady.P99), Ms(k.Steady.Max),
            Report.Ratio(k.Steady.P99 / target), k.Steady.P99 < target ? "met" : "NOT MET",
        })));
        Report.PrintTable("Writeback latency per kind, instant mode, loopback: the write caused → the Open Dental API double keeps it", kinds);
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("#,0.0", System.Globalization.CultureInfo.InvariantCulture) + " ms";
}

/// <summary>What one batch of payments measured: latencies from sending the POST to the double keeping the payment.</summary>
public sealed record WritebackPhase(int Count, TimeSpan P50, TimeSpan P99, TimeSpan Max, double AcceptedPerSecond, double WrittenPerSecond);
