using System.Data.Common;
using DentalHub.Data;
using DentalHub.Patients;
using DentalHub.Patients.Phones;
using DentalHub.Rewards;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Rewards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Patients;

/// <summary>
/// The patient list's search by phone (formatted any way, by its start or its last 7/10 digits), and proof
/// from the database's own query plans that every search path reads an index, not the practice's rows.
/// </summary>
public abstract class SearchingPatientsSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private const int PracticeSize = 1500;
    private TestDatabase database = default!;
    private DentalHubApp app = default!;
    private TestPractice practice = default!;

    public async Task InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null)
        {
            return;
        }
        database = TestDatabase.Create(provider);
        app = new DentalHubApp(database);
        practice = await app.AddPracticeAsync("Search Dental");
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    private void SkipWithoutServer() =>
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);

    private PatientSearch Search => app.Services.GetRequiredService<PatientSearch>();

    [SkippableTheory]
    [InlineData("(555) 010-2233")]
    [InlineData("555-010-2233")]
    [InlineData("5550102233")]
    [InlineData("+1 555 010 2233")]
    [InlineData("555.010.2233")]
    [InlineData("010-2233")]
    [InlineData("555 01")]
    public async Task PhoneSearch_SyncedNumberTypedAnyWay_FindsThePatient(string typed)
    {
        SkipWithoutServer();
        var pms = new ScriptedPms();
        var connection = await app.ConnectAsync(practice, pms);
        pms.Upsert(ScriptedPms.Patient("1", "Pat", "Phone", new DateOnly(1980, 1, 2)) with { Phones = new("1-555-010-2233", null, null) });
        pms.Upsert(ScriptedPms.Patient("2", "Oda", "Other", new DateOnly(1981, 1, 2)) with { Phones = new("(555) 020-0000", "555 030 1111", null) });
        await app.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, connection, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);

        var rows = await Search.FindAsync(practice.Tenant, typed, CancellationToken.None);

        Assert.Equal("Phone", Assert.Single(rows).LastName);
    }

    [SkippableFact]
    public async Task PhoneSearch_NumberChangedInThePms_FindsTheNewNumberOnly()
    {
        SkipWithoutServer();
        var pms = new ScriptedPms();
        var connection = await app.ConnectAsync(practice, pms);
        var sync = app.Services.GetRequiredService<SyncRunner>();
        pms.Upsert(ScriptedPms.Patient("1", "Pat", "Phone", new DateOnly(1980, 1, 2)) with { Phones = new(null, "555-010-2233", null) });
        await sync.RunAsync(practice.Tenant, connection, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);
        pms.Upsert(ScriptedPms.Patient("1", "Pat", "Phone", new DateOnly(1980, 1, 2)) with { Phones = new(null, "555-010-9876", null) });
        await sync.RunAsync(practice.Tenant, connection, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);

        Assert.Empty(await Search.FindAsync(practice.Tenant, "555-010-2233", CancellationToken.None));
        Assert.Single(await Search.FindAsync(practice.Tenant, "555-010-9876", CancellationToken.None));
    }

    [SkippableFact]
    public async Task PhoneSearch_NumbersRemovedOrKeptInThePms_OnlyCurrentNumbersAndContactsFindThePatient()
    {
        SkipWithoutServer();
        var pms = new ScriptedPms();
        var connection = await app.ConnectAsync(practice, pms);
        var sync = app.Services.GetRequiredService<SyncRunner>();
        var patient = ScriptedPms.Patient("1", "Pat", "Phone", new DateOnly(1980, 1, 2));
        pms.Upsert(patient with { Phones = new("555-010-1111", "555-010-2222", "555-010-3333") });
        await sync.RunAsync(practice.Tenant, connection, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);
        await using (var db = app.Databases.Create(practice.Tenant))
        {
            var profileId = await db.Patients.Select(p => p.Id).SingleAsync();
            db.PatientPhones.Add(PatientPhone.For(practice.PracticeId, profileId, PhoneKind.Contact, "555-010-4444", Guid.NewGuid())!);
            await db.SaveChangesAsync();
        }

        // Home removed, mobile kept, work changed, and an e-mail edit that touches no number.
        pms.Upsert(patient with { Phones = new(null, "555-010-2222", "555-010-5555"), Email = "pat.new@example.com" });
        await sync.RunAsync(practice.Tenant, connection, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);

        Assert.Empty(await Search.FindAsync(practice.Tenant, "555-010-1111", CancellationToken.None));
        Assert.Empty(await Search.FindAsync(practice.Tenant, "555-010-3333", CancellationToken.None));
        foreach (var current in new[] { "555-010-2222", "555-010-5555", "555-010-4444" })
        {
            Assert.Single(await Search.FindAsync(practice.Tenant, current, CancellationToken.None));
        }
        await using var read = app.Databases.Create(practice.Tenant);
        Assert.Equal(3, await read.PatientPhones.CountAsync());
    }

    public static TheoryData<string, string> SearchPaths => new()
    {
        { "list", "" },
        { "one name", "smi" },
        { "last, first", "Smith, An" },
        { "e-mail", "p1234@example.com" },
        { "card", "4111 0000 0000 1234" },
        { "phone start", "555 001-12" },
        { "phone last 7", "001-1234" },
        { "phone full", "(555) 001-1234" },
    };

    [SkippableTheory]
    [MemberData(nameof(SearchPaths))]
    public async Task SearchPath_ManyPatients_ReadsAnIndexNotThePractice(string path, string text)
    {
        SkipWithoutServer();
        await AddPracticeOfSizeAsync();
        await using var db = app.Databases.Create(practice.Tenant);

        var matches = PatientSearch.Matches(db, text, null);
        var ids = matches is null ? null : await matches.Take(PatientSearch.MatchLimit).ToListAsync();
        var plans = ids is null
            ? [await PlanAsync(db, PatientSearch.Rows(db, PatientSearch.FirstPage(db, null)))]
            : new[] { await PlanAsync(db, matches!), await PlanAsync(db, PatientSearch.Rows(db, PatientSearch.ById(db, ids))) };

        foreach (var plan in plans)
        {
            Assert.True(ReadsOnlyIndexes(plan, filtered: ids is not null, out var why), $"{path}: {why}\n{plan}");
        }
        Assert.NotEmpty(await app.Services.GetRequiredService<PatientSearch>().FindAsync(practice.Tenant, text, CancellationToken.None));
    }

    private async Task AddPracticeOfSizeAsync()
    {
        await using var db = app.Databases.Create(practice.Tenant);
        var names = new[] { "Smith", "Jones", "Brown", "Garcia", "Miller", "Davis", "Lopez", "Wilson", "Anderson", "Thomas" };
        for (var i = 0; i < PracticeSize; i++)
        {
            var patient = new Patient
            {
                PracticeId = practice.PracticeId, FirstName = (i % 7 == 0 ? "Anna" : "Ben") + i, LastName = names[i % names.Length] + (i / names.Length),
                Email = $"p{i}@example.com", MobilePhone = $"(555) 0{i / 10000 % 10}{i / 1000 % 10}-{i % 10000:0000}", HomePhone = $"312-{i % 1000:000}-{i % 10000:0000}",
                MatchKey = "k" + i, BirthDate = new DateOnly(1950 + i % 60, 1 + i % 12, 1 + i % 28),
            };
            db.Patients.Add(patient);
            db.PatientPhones.AddRange(PatientPhone.OfProfile(patient));
            if (i % 10 == 4)
            {
                db.RewardCards.Add(new RewardCard
                {
                    PracticeId = practice.PracticeId, OrganizationId = practice.OrganizationId, PatientId = patient.Id,
                    ActiveForPatientId = patient.Id, Number = $"411100000000{i:0000}", ConnectedBy = "test",
                });
            }
        }
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Postgres ? "ANALYZE" : "SELECT 1");
    }

    private async Task<string> PlanAsync<T>(DentalHubDb db, IQueryable<T> query)
    {
        await using var command = query.CreateDbCommand();
        await db.Database.OpenConnectionAsync();
        if (provider == DatabaseProvider.Postgres)
        {
            // A test-sized table is cheaper to read whole, so PostgreSQL is told not to: if it still reads
            // a table whole, no index can answer the query (the bench measures what 100k patients cost).
            await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        }
        command.CommandText = (provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(provider == DatabaseProvider.Sqlite ? reader.GetString(3) : reader.GetString(0));
        }
        return string.Join('\n', lines);
    }

    // SQLite: "SCAN <table>" reads every row (or every index entry; the ids list itself is a scanned virtual
    // table, which is fine); "SEARCH" seeks, but a search of a
    // filtered path by "(PracticeId=?)" alone walks the whole practice. PostgreSQL: no sequential scan left
    // although sequential scans are off, and for a filtered path no index walked on PracticeId alone.
    private bool ReadsOnlyIndexes(string plan, bool filtered, out string why)
    {
        var lines = plan.Split('\n');
        var scan = provider == DatabaseProvider.Sqlite
            ? lines.FirstOrDefault(l => l.TrimStart().StartsWith("SCAN ", StringComparison.Ordinal) && !l.Contains("CONSTANT ROW", StringComparison.Ordinal) && !l.Contains("(subquery", StringComparison.Ordinal) && !l.Contains("VIRTUAL TABLE", StringComparison.Ordinal))
            : lines.FirstOrDefault(l => l.Contains("Seq Scan", StringComparison.Ordinal));
        // (An empty photo table is read by its practice index; it is not a searched table.)
        var walk = filtered
            ? lines.Where((l, i) => (l.Contains("(PracticeId=?)", StringComparison.Ordinal) || l.Contains("Index Cond: (\"PracticeId\" = ", StringComparison.Ordinal) && !l.Contains("AND", StringComparison.Ordinal))
                && !l.Contains("PatientPhotos", StringComparison.Ordinal) && !(i > 0 && lines[i - 1].Contains("PatientPhotos", StringComparison.Ordinal))).FirstOrDefault()
            : null;
        why = $"reads the whole practice: {scan ?? walk}";
        return scan is null && walk is null;
    }
}

public sealed class SearchingPatientsOnSqlite() : SearchingPatientsSuite(DatabaseProvider.Sqlite);

public sealed class SearchingPatientsOnPostgres() : SearchingPatientsSuite(DatabaseProvider.Postgres);
