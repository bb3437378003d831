using System.Diagnostics;
using System.Globalization;
using DentalHub.Bench.Hub;
using DentalHub.Bench.Infrastructure;
using DentalHub.Bench.OpenDental;
using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Patients;
using DentalHub.Rewards;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Bench.Benchmarks;

public sealed record SearchResult(string Database, string Path, TimeSpan Small, TimeSpan Large);

/// <summary>
/// The patient list's search (<see cref="PatientSearch.FindAsync(TenantScope, string?, CancellationToken)"/>, as
/// the page calls it) among N/10 and N patients synced by the real engine, one in five with a card: the median
/// time of one search per path, and the ratio large/small. An index keeps it flat (about 1); a scan grows
/// with the practice (towards 10).
/// </summary>
public sealed class SearchBenchmark(BenchOptions options, DatabaseServers servers)
{
    private const int QueriesPerPath = 60;
    private static readonly string[] Paths = ["list", "name", "last, first", "e-mail", "card", "phone (formatted)", "phone last 7", "phone start"];

    public async Task<List<SearchResult>> RunAsync(DatabaseProvider provider)
    {
        var small = await MeasureAsync(provider, options.SmallPractice, seed: 20261124);
        var large = await MeasureAsync(provider, options.Patients, seed: 20261125);
        return Paths.Select(p => new SearchResult(large.Database, p, small.Times[p], large.Times[p])).ToList();
    }

    public static void Print(IReadOnlyList<SearchResult> results)
    {
        var rows = new List<string[]> { new[] { "database", "search path", "small (median)", "large (median)", "large/small", "flat (≤ 2)" } };
        rows.AddRange(results.Select(r =>
        {
            var ratio = r.Large.TotalMilliseconds / r.Small.TotalMilliseconds;
            return new[] { r.Database, r.Path, Ms(r.Small), Ms(r.Large), Report.Ratio(ratio), ratio <= 2 ? "yes" : "NO" };
        }));
        Report.PrintTable("Patient list search (median time of one search; small = patients/10, large = patients)", rows);
    }

    private async Task<(string Database, Dictionary<string, TimeSpan> Times)> MeasureAsync(DatabaseProvider provider, int count, int seed)
    {
        await using var host = await HubHost.StartAsync(HubDatabase.Create(provider, servers.PostgresServer));
        var tenant = await host.AddPracticeAsync("Search " + count);
        var pms = new MemoryPms();
        var records = new FamilyGenerator(seed, TimeProvider.System.GetUtcNow().Year - 1).Generate(count).Select(ToPms).ToList();
        pms.Reset(records);
        var watch = Stopwatch.StartNew();
        await host.SyncAsync(await host.ConnectMemoryAsync(tenant, pms));
        var cards = await AddCardsAsync(host, tenant);
        Report.Step($"{await host.Database.ServerVersionAsync()}: {Report.Count(count)} patients synced and {Report.Count(cards.Count)} cards added in {Report.Seconds(watch.Elapsed)}");
        var search = host.Services.GetRequiredService<PatientSearch>();
        var queries = await QueriesAsync(host, tenant, cards, new Random(seed));
        var times = new Dictionary<string, TimeSpan>();
        foreach (var path in Paths)
        {
            foreach (var text in queries[path].Take(5))
            {
                await search.FindAsync(tenant, text, CancellationToken.None);
            }
            var runs = new List<TimeSpan>();
            foreach (var text in queries[path])
            {
                var one = Stopwatch.StartNew();
                var rows = await search.FindAsync(tenant, text, CancellationToken.None);
                runs.Add(one.Elapsed);
                if (rows.Count == 0)
                {
                    throw new InvalidOperationException($"The {path} search found nothing: the bench's queries are wrong.");
                }
            }
            times[path] = Report.Median(runs);
        }
        return (await host.Database.ServerVersionAsync(), times);
    }

    private static async Task<List<string>> AddCardsAsync(HubHost host, TenantScope tenant)
    {
        await using var db = host.Databases.Create(tenant);
        var ids = await db.Patients.Select(p => p.Id).ToListAsync();
        var numbers = new List<string>();
        foreach (var chunk in ids.Where((_, i) => i % 5 == 0).Chunk(5000))
        {
            await using var batch = host.Databases.Create(tenant);
            foreach (var id in chunk)
            {
                var number = "4111" + (numbers.Count + 1).ToString("000000000000", CultureInfo.InvariantCulture);
                numbers.Add(number);
                batch.RewardCards.Add(new RewardCard
                {
                    PracticeId = tenant.PracticeId!.Value, OrganizationId = tenant.OrganizationId!.Value, PatientId = id,
                    ActiveForPatientId = id, Number = number, ConnectedBy = "bench", ConnectedAt = TimeProvider.System.GetUtcNow(),
                });
            }
            await batch.SaveChangesAsync();
        }
        if (host.Database.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        return numbers;
    }

    // Texts staff would type, drawn from the practice's own profiles.
    private static async Task<Dictionary<string, List<string>>> QueriesAsync(HubHost host, TenantScope tenant, List<string> cards, Random random)
    {
        await using var db = host.Databases.Create(tenant);
        var sample = await db.Patients.AsNoTracking().OrderBy(p => p.Id).Take(20_000)
            .Select(p => new { p.FirstName, p.LastName, p.Email, p.MobilePhone }).ToListAsync();
        List<string> Pick(Func<int, string?> text) => Enumerable.Range(0, QueriesPerPath * 3).Select(_ => text(random.Next(sample.Count))).OfType<string>().Take(QueriesPerPath).ToList();
        // Plain letters only: SQLite's lower() folds ASCII alone, so "Élodie" is found by "Élo", not "élo".
        bool Plain(int i) => sample[i].LastName.All(char.IsAsciiLetter) && sample[i].FirstName.All(char.IsAsciiLetter);
        string? Digits(int i) => sample[i].MobilePhone is { } m ? new string(m.Where(char.IsAsciiDigit).ToArray()) : null;
        return new()
        {
            ["list"] = Enumerable.Repeat("", QueriesPerPath).ToList(),
            ["name"] = Pick(i => Plain(i) && sample[i].LastName.Length >= 3 ? sample[i].LastName[..3] : null),
            ["last, first"] = Pick(i => Plain(i) ? $"{sample[i].LastName}, {sample[i].FirstName[..Math.Min(2, sample[i].FirstName.Length)]}" : null),
            ["e-mail"] = Pick(i => sample[i].Email),
            ["card"] = Enumerable.Range(0, QueriesPerPath).Select(_ => cards[random.Next(cards.Count)]).ToList(),
            ["phone (formatted)"] = Pick(i => Digits(i) is { Length: 10 } d ? $"({d[..3]}) {d[3..6]}-{d[6..]}" : null),
            ["phone last 7"] = Pick(i => Digits(i) is { Length: 10 } d ? $"{d[3..6]}-{d[6..]}" : null),
            ["phone start"] = Pick(i => Digits(i) is { Length: 10 } d ? $"{d[..3]} {d[3..6]}-{d[6]}" : null),
        };
    }

    private static PmsPatient ToPms(OdPatient p) => new(
        p.PatNum.ToString(CultureInfo.InvariantCulture), p.Guarantor.ToString(CultureInfo.InvariantCulture), p.FName, p.LName, Blank(p.MiddleI), Blank(p.Preferred),
        DateOnly.TryParseExact(p.Birthdate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) && born.Year > 1 ? born : null,
        PmsGender.Unknown, PmsPatientStatus.Active, Blank(p.Email), new PmsPhones(Blank(p.HmPhone), Blank(p.WirelessPhone), Blank(p.WkPhone)),
        new PmsAddress(Blank(p.Address), Blank(p.Address2), p.City, p.State, p.Zip), null, null, null);

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms";
}
