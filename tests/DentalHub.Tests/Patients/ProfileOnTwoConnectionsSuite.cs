using System.Text.Json;
using DentalHub.Auth.ApiKeys;
using DentalHub.Data;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Tests.Patients;

/// <summary>
/// A patient in two PMSs (a practice that moved to a new one, or two offices): the profile's account holder comes
/// from the link chosen on purpose (an enabled connection, the most recently read), not the first the database
/// returns; on both databases.
/// </summary>
public abstract class ProfileOnTwoConnectionsSuite(DatabaseProvider provider) : PracticeHostSuite(provider)
{
    private static readonly DateOnly Birth = new(2012, 7, 1);
    private readonly ScriptedPms oldPms = new();
    private readonly ScriptedPms newPms = new();

    [SkippableFact]
    public async Task Profile_OlderLinkHasNoAccountHolder_ShowsTheNewerLinksHolder()
    {
        await StartAsync("Two Systems Dental");
        oldPms.Upsert(ScriptedPms.Patient("1", "Ann", "Lee", Birth) with { GuarantorPmsId = null });
        newPms.Upsert(ScriptedPms.Patient("50", "Bob", "Lee", new DateOnly(1979, 3, 3)));
        newPms.Upsert(ScriptedPms.Patient("51", "Ann", "Lee", Birth, guarantor: "50"));
        await Host.SyncPatientsAsync(await Host.ConnectAsync(oldPms));
        await Host.SyncPatientsAsync(await Host.ConnectAsync(newPms));
        Guid ann, bob;
        await using (var db = Host.Db())
        {
            ann = await db.Patients.Where(p => p.FirstName == "Ann").Select(p => p.Id).SingleAsync();
            bob = await db.Patients.Where(p => p.FirstName == "Bob").Select(p => p.Id).SingleAsync();
            Assert.Equal(2, await db.PatientLinks.CountAsync(l => l.PatientId == ann));
        }
        using var client = await Host.App.ApiClientAsync(Host.Practice, "Portal", ApiScopes.PatientsRead);

        var profile = await client.ReadAsync<JsonElement>($"/api/v1/patients/{ann}");

        Assert.Equal(bob, profile.GetProperty("accountHolder").GetProperty("id").GetGuid());
        Assert.Equal("51", profile.GetProperty("pmsRecords")[0].GetProperty("pmsId").GetString());
    }
}

public sealed class ProfileOnTwoConnectionsOnSqlite() : ProfileOnTwoConnectionsSuite(DatabaseProvider.Sqlite);

public sealed class ProfileOnTwoConnectionsOnPostgres() : ProfileOnTwoConnectionsSuite(DatabaseProvider.Postgres);
