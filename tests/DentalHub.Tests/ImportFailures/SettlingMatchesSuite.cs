using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DentalHub.Audit;
using DentalHub.Auth.ApiKeys;
using DentalHub.Data;
using DentalHub.ImportFailures;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Tests.ImportFailures;

/// <summary>
/// Software (or a person) settling what sync would not guess: two records of one PMS with the same name and
/// birthdate (different people, or the same person), and a PMS patient several profiles could be; on both databases.
/// </summary>
public abstract class SettlingMatchesSuite(DatabaseProvider provider) : PracticeHostSuite(provider)
{
    private static readonly DateOnly Birth = new(2016, 3, 9);
    private readonly ScriptedPms pms = new();
    private Guid connectionId;
    private HttpClient client = default!;

    /// <summary>Two children of different families with the same name and birthdate: the second is a duplicate in the PMS.</summary>
    private async Task StartWithTwinNamesAsync()
    {
        await StartAsync("Twin Names Dental");
        connectionId = await Host.ConnectAsync(pms);
        pms.Upsert(ScriptedPms.Patient("50", "Bob", "Lee", new DateOnly(1980, 1, 1)));
        pms.Upsert(ScriptedPms.Patient("10", "Sam", "Lee", Birth));
        pms.Upsert(ScriptedPms.Patient("11", "Sam", "Lee", Birth, guarantor: "50"));
        await Host.SyncPatientsAsync(connectionId);
        client = await Host.App.ApiClientAsync(Host.Practice, "Front desk app", ApiScopes.PatientsRead, ApiScopes.PatientsWrite);
    }

    private async Task<JsonElement> OnlyFailureAsync(string reason) =>
        (await client.ReadAsync<JsonElement>($"/api/v1/import-failures?reason={reason}")).EnumerateArray().Single();

    [SkippableFact]
    public async Task DuplicateInPms_SettledAsDifferentPeople_BothHaveProfilesAndTheNextSyncDoesNotAskAgain()
    {
        await StartWithTwinNamesAsync();
        var failure = await OnlyFailureAsync("DuplicateInPms");
        Assert.Equal("11", failure.GetProperty("pmsId").GetString());
        Assert.True(failure.GetProperty("canResolve").GetBoolean());

        var response = await client.PostAsync($"/api/v1/import-failures/{failure.GetProperty("id").GetGuid()}/new-profile", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("patientId").GetGuid();
        pms.Edit("11", p => p with { Email = "sam.lee.junior@example.com" });
        pms.Edit("10", p => p with { PreferredName = "Sammy" });
        Assert.Equal(SyncOutcomeKind.Completed, (await Host.SyncPatientsAsync(connectionId)).Kind);
        await using var db = Host.Db();
        Assert.Empty(await db.ImportFailures.ToListAsync());
        Assert.Equal(2, await db.Patients.CountAsync(p => p.FirstName == "Sam"));
        Assert.Equal("sam.lee.junior@example.com", (await db.Patients.SingleAsync(p => p.Id == created)).Email);
        Assert.Equal(created, (await db.PatientLinks.SingleAsync(l => l.PmsId == "11")).PatientId);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.ImportFailureResolved);
        Assert.Equal((AuditActorKind.ApiKey, "Front desk app", (Guid?)created), (audit.ActorKind, audit.ActorName, audit.PatientId));
    }

    [SkippableFact]
    public async Task DuplicateInPms_SettledAsTheSamePerson_BothRecordsShareOneProfileAndBothKeepSyncing()
    {
        await StartWithTwinNamesAsync();
        var failure = await OnlyFailureAsync("DuplicateInPms");
        var profile = failure.GetProperty("candidates").EnumerateArray().Single().GetProperty("patientId").GetGuid();

        var response = await client.PostAsJsonAsync($"/api/v1/import-failures/{failure.GetProperty("id").GetGuid()}/link", new { patientId = profile });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Both records change in one page: one profile written once, by the later record.
        pms.Edit("10", p => p with { PreferredName = "Sammy" });
        pms.Edit("11", p => p with { Email = "sam@example.com" });
        Assert.Equal(SyncOutcomeKind.Completed, (await Host.SyncPatientsAsync(connectionId)).Kind);
        await using var db = Host.Db();
        Assert.Empty(await db.ImportFailures.ToListAsync());
        var sam = await db.Patients.SingleAsync(p => p.FirstName == "Sam");
        Assert.Equal((profile, "sam@example.com"), (sam.Id, sam.Email));
        Assert.Equal(["10", "11"], await db.PatientLinks.Where(l => l.PatientId == profile).Select(l => l.PmsId).OrderBy(id => id).ToListAsync());
    }

    [SkippableFact]
    public async Task AmbiguousMatch_ReadThroughTheApi_EachCandidateSaysWhatTellsItApart()
    {
        await StartWithTwinNamesAsync();
        var duplicate = await OnlyFailureAsync("DuplicateInPms");
        await client.PostAsync($"/api/v1/import-failures/{duplicate.GetProperty("id").GetGuid()}/new-profile", null);
        var other = new ScriptedPms();
        other.Upsert(ScriptedPms.Patient("900", "Sam", "Lee", Birth));
        await Host.SyncPatientsAsync(await Host.ConnectAsync(other));

        var failure = await OnlyFailureAsync("AmbiguousMatch");

        var candidates = failure.GetProperty("candidates").EnumerateArray()
            .Select(c => (
                Email: c.GetProperty("email").GetString(),
                Record: c.GetProperty("pmsRecords").EnumerateArray().Single().GetProperty("pmsId").GetString(),
                Holder: c.GetProperty("accountHolder").GetProperty("name").GetString()))
            .OrderBy(c => c.Record)
            .ToList();
        Assert.Equal([("p10@example.com", "10", CandidateProfiles.Self), ("p11@example.com", "11", "Bob Lee")], candidates);
        Assert.Equal("p900@example.com", failure.GetProperty("record").GetProperty("email").GetString());
    }

    [SkippableFact]
    public async Task Settling_WithAKeyThatMayOnlyRead_IsForbiddenAndChangesNothing()
    {
        await StartWithTwinNamesAsync();
        var failure = await OnlyFailureAsync("DuplicateInPms");
        using var reader = await Host.App.ApiClientAsync(Host.Practice, "Reporting", ApiScopes.PatientsRead);

        var response = await reader.PostAsync($"/api/v1/import-failures/{failure.GetProperty("id").GetGuid()}/new-profile", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = Host.Db();
        Assert.Single(await db.ImportFailures.ToListAsync());
    }

    [SkippableFact]
    public async Task Settling_AFailureAlreadySettled_IsNotFound()
    {
        await StartWithTwinNamesAsync();
        var id = (await OnlyFailureAsync("DuplicateInPms")).GetProperty("id").GetGuid();
        await client.PostAsync($"/api/v1/import-failures/{id}/new-profile", null);

        var again = await client.PostAsync($"/api/v1/import-failures/{id}/new-profile", null);

        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        await using var db = Host.Db();
        Assert.Equal(2, await db.Patients.CountAsync(p => p.FirstName == "Sam"));
    }
}

public sealed class SettlingMatchesOnSqlite() : SettlingMatchesSuite(DatabaseProvider.Sqlite);

public sealed class SettlingMatchesOnPostgres() : SettlingMatchesSuite(DatabaseProvider.Postgres);
