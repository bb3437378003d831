using DentalHub.Data;
using DentalHub.Patients;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Tests.Sync;

/// <summary>
/// One person typed a little differently in two PMSs (a hyphen or a space, an apostrophe, a dot, case, accents):
/// one profile, never a silent second one; on both databases.
/// </summary>
public abstract class NearMatchSuite(DatabaseProvider provider) : PracticeHostSuite(provider)
{
    private static readonly DateOnly Birth = new(1985, 4, 12);
    private readonly ScriptedPms first = new();
    private readonly ScriptedPms second = new();

    [SkippableFact]
    public async Task SecondPms_NameDiffersOnlyByPunctuationSpacingCaseOrAccents_LinksTheSameProfile()
    {
        await StartAsync("Near Match Dental");
        first.Upsert(ScriptedPms.Patient("1", "Ann-Marie", "Lee Park", Birth));
        first.Upsert(ScriptedPms.Patient("2", "Sean", "O'Brien", Birth.AddYears(1)));
        first.Upsert(ScriptedPms.Patient("3", "J.R.", "St. John", Birth.AddYears(2)));
        first.Upsert(ScriptedPms.Patient("4", "Zoë", "de la  Cruz", Birth.AddYears(3)));
        second.Upsert(ScriptedPms.Patient("71", "Ann Marie", "Lee-Park", Birth));
        second.Upsert(ScriptedPms.Patient("72", "SEAN", "OBrien", Birth.AddYears(1)));
        second.Upsert(ScriptedPms.Patient("73", "JR", "St John", Birth.AddYears(2)));
        second.Upsert(ScriptedPms.Patient("74", "Zoe", "De La Cruz", Birth.AddYears(3)));

        await Host.SyncPatientsAsync(await Host.ConnectAsync(first));
        await Host.SyncPatientsAsync(await Host.ConnectAsync(second));

        await using var db = Host.Db();
        Assert.Equal(4, await db.Patients.CountAsync());
        var profilesOfLinks = await db.PatientLinks.GroupBy(l => l.PatientId).Select(g => g.Count()).ToListAsync();
        Assert.Equal([2, 2, 2, 2], profilesOfLinks);
        Assert.Empty(await db.ImportFailures.ToListAsync());
    }

    [SkippableFact]
    public async Task KeysStoredByAnEarlierVersion_AfterARestart_StillMatchTheNextPms()
    {
        await StartAsync("Upgraded Dental");
        first.Upsert(ScriptedPms.Patient("1", "Ann-Marie", "Lee", Birth));
        await Host.SyncPatientsAsync(await Host.ConnectAsync(first));
        await using (var db = Host.Db())
        {
            // What the first way of folding names stored; the PMS record itself never changes again.
            await db.Patients.ExecuteUpdateAsync(p => p.SetProperty(x => x.MatchKey, "ann-marie|lee|1985-04-12"));
        }

        await Host.RestartAsync();
        second.Upsert(ScriptedPms.Patient("71", "Ann Marie", "Lee", Birth));
        await Host.SyncPatientsAsync(await Host.ConnectAsync(second));

        await using var read = Host.Db();
        var profile = await read.Patients.SingleAsync();
        Assert.Equal(MatchKeys.For("Ann-Marie", "Lee", Birth), profile.MatchKey);
        Assert.Equal(2, await read.PatientLinks.CountAsync(l => l.PatientId == profile.Id));
    }
}

public sealed class NearMatchOnSqlite() : NearMatchSuite(DatabaseProvider.Sqlite);

public sealed class NearMatchOnPostgres() : NearMatchSuite(DatabaseProvider.Postgres);
