using DentalHub.Data;
using DentalHub.ImportFailures;
using DentalHub.Patients;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Sync;

/// <summary>A practice's PMS patients coming into the hub, first all of them, then only what changed; on both databases.</summary>
public abstract class PatientSyncSuite(DatabaseProvider provider) : ScriptedSyncSuite(provider, "Sync Dental", SyncResources.Patients)
{
    private static readonly DateOnly Birth = new(1985, 4, 12);

    [SkippableFact]
    public async Task FirstSync_FamiliesAndProblemRows_CreatesProfilesAndFailures()
    {
        await StartAsync();
        Pms.Upsert(ScriptedPms.Patient("1", "Maria", "García", new DateOnly(1980, 1, 2)));
        Pms.Upsert(ScriptedPms.Patient("2", "Zoë", "García", new DateOnly(2015, 6, 7), guarantor: "1"));
        Pms.Upsert(ScriptedPms.Patient("3", "Nobirth", "Person", new DateOnly(1, 1, 1)));
        Pms.Upsert(ScriptedPms.Patient("4", "", "Noname", Birth));
        Pms.Upsert(ScriptedPms.Patient("5", "Rita", "Bademail", Birth, email: "rita@"));
        Pms.Upsert(ScriptedPms.Patient("6", "Future", "Born", new DateOnly(2099, 1, 1)));

        var outcome = await SyncAsync();

        Assert.Equal(SyncOutcomeKind.Completed, outcome.Kind);
        await using var db = Db();
        Assert.Equal(3, await db.Patients.CountAsync());
        var rita = await db.Patients.SingleAsync(p => p.LastName == "Bademail");
        Assert.Null(rita.Email);
        var child = await db.PatientLinks.SingleAsync(l => l.PmsId == "2");
        Assert.Equal("1", child.GuarantorPmsId);
        var failures = await db.ImportFailures.OrderBy(f => f.PmsId).ToListAsync();
        Assert.Equal(
            [("3", ImportFailureReason.MissingBirthDate), ("4", ImportFailureReason.MissingFirstName), ("5", ImportFailureReason.InvalidEmail), ("6", ImportFailureReason.ImpossibleBirthDate)],
            failures.Select(f => (f.PmsId, f.Reason)));
        Assert.Equal(ImportFailureSeverity.Warning, failures.Single(f => f.PmsId == "5").Severity);
        Assert.Equal("Date of birth is missing: add it on the patient's record in the test PMS.", failures.Single(f => f.PmsId == "3").Message);
        var run = await db.SyncRuns.SingleAsync();
        Assert.Equal((SyncRunStatus.Succeeded, 6, 3, 0, 3, 1, 6), (run.Status, run.Read, run.Created, run.Updated, run.Failed, run.Warnings, run.Expected));
    }

    [SkippableFact]
    public async Task ConnectionNamingTheSystemBehindIt_Failure_SaysWhereToFixItThere()
    {
        await StartAsync();
        Pms.SystemName = "Dentrix";
        Pms.Upsert(ScriptedPms.Patient("3", "Nobirth", "Person", null));

        await SyncAsync();

        await using var db = Db();
        var failure = await db.ImportFailures.SingleAsync();
        Assert.Equal("Date of birth is missing: add it on the patient's record in Dentrix.", failure.Message);
    }

    [SkippableFact]
    public async Task ConnectionNamingTheSystemBehindIt_DuplicateInThePms_HintNamesTheSystemOnce()
    {
        await StartAsync();
        Pms.SystemName = "Dentrix";
        Pms.Upsert(ScriptedPms.Patient("10", "Sam", "Twice", Birth));
        Pms.Upsert(ScriptedPms.Patient("11", "Sam", "Twice", Birth));

        await SyncAsync();

        await using var db = Db();
        var failure = await db.ImportFailures.SingleAsync();
        Assert.Equal(1, failure.Message.Split("Dentrix").Length - 1);
        Assert.StartsWith("Another patient in Dentrix (id 10) has the same name and date of birth.", failure.Message);
    }

    [SkippableFact]
    public async Task SecondSync_NothingChanged_ReadsNothing()
    {
        await StartAsync();
        for (var i = 1; i <= 120; i++)
        {
            Pms.Upsert(ScriptedPms.Patient($"{i}", $"First{i}", "Family", Birth.AddDays(i)));
        }
        await SyncAsync();
        await SyncAsync();
        await using var db = Db();
        var runs = await db.SyncRuns.OrderBy(r => r.StartedAt).ToListAsync();
        Assert.Equal([120, 0], runs.Select(r => r.Read));
        Assert.True(runs[0].FullRead);
        Assert.False(runs[1].FullRead);
    }

    [SkippableFact]
    public async Task PmsEdit_ToLinkedPatient_UpdatesProfileButKeepsStaffNotes()
    {
        await StartAsync();
        Pms.Upsert(ScriptedPms.Patient("7", "Liam", "Oconnor", Birth));
        await SyncAsync();
        await using (var db = Db())
        {
            var profile = await db.Patients.SingleAsync();
            profile.Notes = "Prefers afternoon appointments";
            await db.SaveChangesAsync();
        }

        Pms.Edit("7", p => p with { LastName = "O'Connor", Email = "liam.new@example.com", Status = Connectors.Contract.PmsPatientStatus.Inactive });
        await SyncAsync();

        await using var read = Db();
        var updated = await read.Patients.SingleAsync();
        Assert.Equal(("O'Connor", "liam.new@example.com", PatientStatus.Inactive), (updated.LastName, updated.Email, updated.Status));
        Assert.Equal("Prefers afternoon appointments", updated.Notes);
        Assert.Equal(1, (await read.SyncRuns.OrderBy(r => r.StartedAt).LastAsync()).Updated);
    }

    [SkippableFact]
    public async Task PmsEdit_SameNameOrNewName_WritesEveryChangedFieldAndKeepsTheMatchKeyTrue()
    {
        await StartAsync();
        Pms.Upsert(ScriptedPms.Patient("21", "Ana", "Silva", Birth));
        Pms.Upsert(ScriptedPms.Patient("22", "Bruno", "Silva", Birth.AddYears(20), guarantor: "21"));
        Pms.Upsert(ScriptedPms.Patient("23", "Carla", "Mendes", Birth.AddYears(1)));
        await SyncAsync();

        // 21: details only (the narrow update); 22: new guarantor; 23: married name and a corrected birthdate (the full write).
        Pms.Edit("21", p => p with { Email = "ana@example.com", Phones = p.Phones with { Mobile = "(503) 555-0101" }, Address = p.Address with { City = "Salem" } });
        Pms.Edit("22", p => p with { GuarantorPmsId = "23", PreferredName = "Bru" });
        Pms.Edit("23", p => p with { LastName = "Mendes-Silva", BirthDate = Birth.AddYears(2) });
        await SyncAsync();

        await using var db = Db();
        var byPmsId = await db.PatientLinks.Join(db.Patients, l => l.PatientId, p => p.Id, (l, p) => new { l.PmsId, l.GuarantorPmsId, p })
            .ToDictionaryAsync(x => x.PmsId);
        var ana = byPmsId["21"].p;
        Assert.Equal(("Ana", "Silva", "ana@example.com", "(503) 555-0101", "Salem"), (ana.FirstName, ana.LastName, ana.Email, ana.MobilePhone, ana.City));
        Assert.Equal(MatchKeys.For("Ana", "Silva", Birth), ana.MatchKey);
        Assert.Equal(("23", "Bru"), (byPmsId["22"].GuarantorPmsId, byPmsId["22"].p.PreferredName));
        var carla = byPmsId["23"].p;
        Assert.Equal(("Mendes-Silva", (DateOnly?)Birth.AddYears(2)), (carla.LastName, carla.BirthDate));
        Assert.Equal(MatchKeys.For("Carla", "Mendes-Silva", Birth.AddYears(2)), carla.MatchKey);
        Assert.Equal(3, (await db.SyncRuns.OrderBy(r => r.StartedAt).LastAsync()).Updated);
    }

    [SkippableFact]
    public async Task Failure_FixedInThePms_ClearsOnNextSync()
    {
        await StartAsync();
        Pms.Upsert(ScriptedPms.Patient("8", "Peter", "Nobirth", null));
        await SyncAsync();
        await using (var db = Db())
        {
            Assert.Single(await db.ImportFailures.ToListAsync());
        }
        Pms.Edit("8", p => p with { BirthDate = Birth });
        await SyncAsync();
        await using var read = Db();
        Assert.Empty(await read.ImportFailures.ToListAsync());
        Assert.Equal("Peter", (await read.Patients.SingleAsync()).FirstName);
    }

    [SkippableFact]
    public async Task UnlinkedPatient_MatchingOneProfile_IsLinkedNotDuplicated()
    {
        await StartAsync();
        await using (var db = Db())
        {
            db.Patients.Add(new Patient { PracticeId = Practice.PracticeId, FirstName = "José", LastName = "Müller-Lüdenscheidt", BirthDate = Birth, MatchKey = MatchKeys.For("José", "Müller-Lüdenscheidt", Birth) });
            await db.SaveChangesAsync();
        }
        Pms.Upsert(ScriptedPms.Patient("9", "  JOSE ", "Muller\u2010Ludenscheidt", Birth));
        await SyncAsync();
        await using var read = Db();
        var profile = await read.Patients.SingleAsync();
        Assert.Equal(profile.Id, (await read.PatientLinks.SingleAsync()).PatientId);
    }

    [SkippableFact]
    public async Task TwoPmsPatients_SameNameAndBirthdate_SecondIsAFailureNotAMerge()
    {
        await StartAsync();
        Pms.Upsert(ScriptedPms.Patient("10", "Sam", "Twice", Birth));
        Pms.Upsert(ScriptedPms.Patient("11", "Sam", "Twice", Birth));
        await SyncAsync();
        await using var db = Db();
        Assert.Single(await db.Patients.ToListAsync());
        var failure = await db.ImportFailures.SingleAsync();
        Assert.Equal(("11", ImportFailureReason.DuplicateInPms), (failure.PmsId, failure.Reason));
    }

    [SkippableFact]
    public async Task AmbiguousMatch_ResolvedByAPerson_IsLinkedAndStaysLinked()
    {
        await StartAsync();
        Guid chosen;
        await using (var db = Db())
        {
            var first = new Patient { PracticeId = Practice.PracticeId, FirstName = "Ann", LastName = "Lee", BirthDate = Birth, MatchKey = MatchKeys.For("Ann", "Lee", Birth) };
            var second = new Patient { PracticeId = Practice.PracticeId, FirstName = "Ann", LastName = "Lee", BirthDate = Birth, MatchKey = MatchKeys.For("Ann", "Lee", Birth) };
            db.Patients.AddRange(first, second);
            await db.SaveChangesAsync();
            chosen = second.Id;
        }
        Pms.Upsert(ScriptedPms.Patient("12", "Ann", "Lee", Birth));
        await SyncAsync();
        Guid failureId;
        await using (var db = Db())
        {
            var failure = await db.ImportFailures.SingleAsync();
            Assert.Equal(ImportFailureReason.AmbiguousMatch, failure.Reason);
            Assert.Contains(chosen.ToString(), failure.DetailsJson);
            failureId = failure.Id;
        }

        var resolution = App.Services.GetRequiredService<ImportFailureResolution>();
        Assert.Equal(chosen, (await resolution.LinkToExistingAsync(Practice.Tenant, DentalHub.Audit.AuditActor.System, failureId, chosen, CancellationToken.None)).PatientId);
        Pms.Edit("12", p => p with { PreferredName = "Annie" });
        await SyncAsync();

        await using var read = Db();
        Assert.Empty(await read.ImportFailures.ToListAsync());
        Assert.Equal(chosen, (await read.PatientLinks.SingleAsync()).PatientId);
        Assert.Equal("Annie", (await read.Patients.SingleAsync(p => p.Id == chosen)).PreferredName);
        Assert.Equal(2, await read.Patients.CountAsync());
    }

    [SkippableFact]
    public async Task CrashMidRun_NextRunResumes_NoRowLostNoneDoubled()
    {
        await StartAsync();
        Pms.PageSize = 25;
        for (var i = 1; i <= 200; i++)
        {
            Pms.Upsert(ScriptedPms.Patient($"{i}", $"First{i}", "Crash", Birth.AddDays(i)));
        }
        Pms.CrashAfterPages = 3;

        var crashed = await SyncAsync();
        Assert.Equal(SyncOutcomeKind.Failed, crashed.Kind);
        await using (var db = Db())
        {
            Assert.Equal(75, await db.Patients.CountAsync());
        }

        var resumed = await SyncAsync();
        Assert.Equal(SyncOutcomeKind.Completed, resumed.Kind);
        await using var read = Db();
        Assert.Equal(200, await read.Patients.CountAsync());
        Assert.Equal(200, await read.PatientLinks.Select(l => l.PmsId).Distinct().CountAsync());
        var runs = await read.SyncRuns.OrderBy(r => r.StartedAt).ToListAsync();
        Assert.Equal([(SyncRunStatus.Failed, 75), (SyncRunStatus.Succeeded, 125)], runs.Select(r => (r.Status, r.Read)));
        Assert.Equal(200, runs.Sum(r => r.Created));
    }

    [SkippableFact]
    public async Task ProcessDiedHoldingTheLease_NextRunAfterExpiry_MarksItInterruptedAndResumes()
    {
        await StartAsync();
        Pms.PageSize = 10;
        for (var i = 1; i <= 30; i++)
        {
            Pms.Upsert(ScriptedPms.Patient($"{i}", $"First{i}", "Lease", Birth.AddDays(i)));
        }
        Pms.CrashAfterPages = 1;
        await SyncAsync();
        await using (var db = Db())
        {
            // What a killed process leaves: its run still "Running" and its lease still held.
            await db.SyncRuns.ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, SyncRunStatus.Running));
            await db.SyncStates.ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseOwner, "dead-node").SetProperty(x => x.LeaseExpiresAt, DateTimeOffset.UnixEpoch));
        }

        Assert.Equal(SyncOutcomeKind.Completed, (await SyncAsync()).Kind);
        await using var read = Db();
        var runs = await read.SyncRuns.OrderBy(r => r.StartedAt).ToListAsync();
        Assert.Equal([SyncRunStatus.Interrupted, SyncRunStatus.Succeeded], runs.Select(r => r.Status));
        Assert.Equal(30, await read.Patients.CountAsync());
    }

    [SkippableFact]
    public async Task SyncNow_SystemRefusesTheConnection_IsAFailedRunSayingWhatToFixAndFreesTheLease()
    {
        await StartAsync();
        Pms.Upsert(ScriptedPms.Patient("1", "Wrong", "Password", Birth));
        Pms.RefusesConnection = "The database server at db.office:3306 refused the user \"dentalhub\" with this password. Check the database user and password.";

        var outcome = await SyncAsync();

        Assert.Equal((SyncOutcomeKind.Failed, Pms.RefusesConnection), (outcome.Kind, outcome.Message));
        await using (var db = Db())
        {
            var run = await db.SyncRuns.SingleAsync();
            Assert.Equal((SyncRunStatus.Failed, Pms.RefusesConnection, true), (run.Status, run.Error, run.FinishedAt is not null));
            Assert.Null((await db.SyncStates.SingleAsync()).LeaseOwner);
        }
        Pms.RefusesConnection = null;
        Assert.Equal(SyncOutcomeKind.Completed, (await SyncAsync()).Kind);
    }

    [SkippableFact]
    public async Task SyncNow_ConnectionSecretsCannotBeRead_IsAFailedRunSayingToEnterThemAgain()
    {
        await StartAsync();
        // Secrets sealed by another key ring, as after the keys were lost: the connector cannot even be made.
        var foreign = new EphemeralDataProtectionProvider().CreateProtector("DentalHub.Secrets.v1").Protect("{}");
        await using (var db = Db())
        {
            await db.Connections.Where(c => c.Id == ConnectionId).ExecuteUpdateAsync(c => c.SetProperty(x => x.ProtectedSecrets, foreign));
        }

        var outcome = await SyncAsync();

        Assert.Equal(SyncOutcomeKind.Failed, outcome.Kind);
        await using var read = Db();
        var run = await read.SyncRuns.SingleAsync();
        Assert.Equal(SyncRunStatus.Failed, run.Status);
        Assert.Contains("Enter them again in the connection's settings", run.Error, StringComparison.Ordinal);
        Assert.Null((await read.SyncStates.SingleAsync()).LeaseOwner);
    }

    [SkippableFact]
    public async Task SecondRun_WhileOneIsRunning_IsRefusedAndFirstCompletes()
    {
        await StartAsync();
        Pms.PageSize = 5;
        for (var i = 1; i <= 20; i++)
        {
            Pms.Upsert(ScriptedPms.Patient($"{i}", $"First{i}", "Once", Birth.AddDays(i)));
        }
        Pms.HoldAfterFirstPage = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = SyncAsync();
        await Pms.FirstPageServed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var second = await SyncAsync();
        Pms.HoldAfterFirstPage.SetResult();

        Assert.Equal(SyncOutcomeKind.AlreadyRunning, second.Kind);
        Assert.Equal(SyncOutcomeKind.Completed, (await first).Kind);
        await using var db = Db();
        Assert.Equal(20, await db.Patients.CountAsync());
        Assert.Single(await db.SyncRuns.ToListAsync());
    }
}

public sealed class PatientSyncOnSqlite() : PatientSyncSuite(DatabaseProvider.Sqlite);

public sealed class PatientSyncOnPostgres() : PatientSyncSuite(DatabaseProvider.Postgres);
