using DentalHub.Connectors.Contract;
using DentalHub.Data;
using DentalHub.Patients;
using DentalHub.Sync;
using DentalHub.Tags;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Rewards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Tags;

/// <summary>A practice maps PMS statuses and clinics to tags; sync applies them set-wise; staff tags stay.</summary>
public abstract class MappingPmsStatusesAndClinicsToTags(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateOnly Birth = new(1985, 4, 12);
    private readonly ScriptedPms pms = new();
    private DentalHubApp? app;
    private TestPractice practice = default!;
    private Guid connectionId;
    private TagService tags = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
            await app.Database.DisposeAsync();
        }
    }

    private async Task StartAsync()
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        app = new DentalHubApp(TestDatabase.Create(provider));
        practice = await app.AddPracticeAsync("Tag Dental");
        connectionId = await app.ConnectAsync(practice, pms);
        tags = app.Services.GetRequiredService<TagService>();
    }

    private async Task<Guid> TagAsync(string name, TagKind kind)
    {
        Assert.Null(await tags.CreateAsync(practice.Tenant, RewardsTestData.Staff, name, kind, CancellationToken.None));
        return (await tags.ListAsync(practice.Tenant, CancellationToken.None)).Single(t => t.Name == name).Id;
    }

    private async Task SyncAsync() =>
        Assert.Equal(SyncOutcomeKind.Completed, (await app!.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, connectionId, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None)).Kind);

    private async Task<List<string>> TagNamesAsync(string lastName)
    {
        await using var db = app!.Databases.Create(practice.Tenant);
        var patient = await db.Patients.SingleAsync(p => p.LastName == lastName);
        return (await tags.ForPatientAsync(practice.Tenant, patient.Id, CancellationToken.None)).Select(t => t.Name).Order().ToList();
    }

    /// <summary>"Active patient" mapped from the Active status, Ann Able synced, and a staff "VIP" tag on her.</summary>
    private async Task<(Guid ActiveTag, Guid PatientId)> AnnSyncedWithActiveMappedAndVipByStaffAsync()
    {
        await StartAsync();
        var active = await TagAsync("Active patient", TagKind.Status);
        var vip = await TagAsync("VIP", TagKind.Custom);
        Assert.Null(await tags.MapAsync(practice.Tenant, RewardsTestData.Staff, active, PatientStatus.Active, null, CancellationToken.None));
        pms.Upsert(ScriptedPms.Patient("1", "Ann", "Able", Birth));
        await SyncAsync();
        await using var db = app!.Databases.Create(practice.Tenant);
        var patientId = (await db.Patients.SingleAsync()).Id;
        Assert.Null(await tags.AddToPatientAsync(practice.Tenant, RewardsTestData.Staff, patientId, vip, CancellationToken.None));
        return (active, patientId);
    }

    [SkippableFact]
    public async Task Sync_PatientBecomesInactive_LosesActiveTagAndGainsInactive()
    {
        await StartAsync();
        var active = await TagAsync("Active patient", TagKind.Status);
        var inactive = await TagAsync("Inactive", TagKind.Status);
        var north = await TagAsync("Northside", TagKind.Location);
        Assert.Null(await tags.MapAsync(practice.Tenant, RewardsTestData.Staff, active, PatientStatus.Active, null, CancellationToken.None));
        Assert.Null(await tags.MapAsync(practice.Tenant, RewardsTestData.Staff, inactive, PatientStatus.Inactive, null, CancellationToken.None));
        Assert.Null(await tags.MapAsync(practice.Tenant, RewardsTestData.Staff, north, null, "1", CancellationToken.None));
        pms.Upsert(ScriptedPms.Patient("1", "Ann", "Able", Birth));
        pms.Upsert(ScriptedPms.Patient("2", "Bob", "Baker", Birth) with { ClinicId = "2" });

        await SyncAsync();
        Assert.Equal(["Active patient", "Northside"], await TagNamesAsync("Able"));
        Assert.Equal(["Active patient"], await TagNamesAsync("Baker"));

        pms.Edit("1", p => p with { Status = PmsPatientStatus.Inactive });
        await SyncAsync();
        Assert.Equal(["Inactive", "Northside"], await TagNamesAsync("Able"));
        Assert.Equal(["Active patient"], await TagNamesAsync("Baker"));
    }

    [SkippableFact]
    public async Task Sync_PatientHasStaffTag_StaffTagStays()
    {
        var (active, patientId) = await AnnSyncedWithActiveMappedAndVipByStaffAsync();
        Assert.NotNull(await tags.AddToPatientAsync(practice.Tenant, RewardsTestData.Staff, patientId, active, CancellationToken.None));

        pms.Edit("1", p => p with { Status = PmsPatientStatus.Archived, FirstName = "Anna" });
        await SyncAsync();

        Assert.Equal(["VIP"], await TagNamesAsync("Able"));
        await using var read = app!.Databases.Create(practice.Tenant);
        Assert.Equal(PatientTagSource.Staff, (await read.PatientTags.SingleAsync()).Source);
    }

    [SkippableFact]
    public async Task MappingAdded_PatientsAlreadySynced_TagsAppliedWithoutSync()
    {
        await StartAsync();
        pms.Upsert(ScriptedPms.Patient("1", "Ann", "Able", Birth));
        await SyncAsync();
        var active = await TagAsync("Active patient", TagKind.Status);

        Assert.Null(await tags.MapAsync(practice.Tenant, RewardsTestData.Staff, active, PatientStatus.Active, null, CancellationToken.None));

        Assert.Equal(["Active patient"], await TagNamesAsync("Able"));
    }

    [SkippableFact]
    public async Task LastMappingRemoved_LaterSyncs_BringNoMappedTagBackAndKeepStaffTags()
    {
        await AnnSyncedWithActiveMappedAndVipByStaffAsync();
        Assert.Equal(["Active patient", "VIP"], await TagNamesAsync("Able"));

        await tags.UnmapAsync(practice.Tenant, RewardsTestData.Staff, (await tags.MappingsAsync(practice.Tenant, CancellationToken.None)).Single().Id, CancellationToken.None);
        Assert.Equal(["VIP"], await TagNamesAsync("Able"));
        pms.Edit("1", p => p with { FirstName = "Anna" });
        pms.Upsert(ScriptedPms.Patient("2", "Bob", "Baker", Birth));
        await SyncAsync();

        Assert.Equal(["VIP"], await TagNamesAsync("Able"));
        Assert.Empty(await TagNamesAsync("Baker"));
    }

    [SkippableFact]
    public async Task PatientList_FilteredByTag_ListsOnlyTaggedPatients()
    {
        await StartAsync();
        var vip = await TagAsync("VIP", TagKind.Custom);
        var ann = await app!.AddPatientAsync(practice, "Ann", "Able");
        await app!.AddPatientAsync(practice, "Bob", "Baker");
        Assert.Null(await tags.AddToPatientAsync(practice.Tenant, RewardsTestData.Staff, ann, vip, CancellationToken.None));
        var search = app!.Services.GetRequiredService<PatientSearch>();

        Assert.Equal(ann, Assert.Single(await search.FindAsync(practice.Tenant, null, vip, CancellationToken.None)).Id);
        Assert.Empty(await search.FindAsync(practice.Tenant, "bak", vip, CancellationToken.None));
        Assert.Equal(2, (await search.FindAsync(practice.Tenant, null, null, CancellationToken.None)).Count);
    }

    [SkippableFact]
    public async Task Mapping_CustomTagOrBothKinds_IsRefused()
    {
        await StartAsync();
        var vip = await TagAsync("VIP", TagKind.Custom);
        var north = await TagAsync("Northside", TagKind.Location);
        Assert.NotNull(await tags.MapAsync(practice.Tenant, RewardsTestData.Staff, vip, PatientStatus.Active, null, CancellationToken.None));
        Assert.NotNull(await tags.MapAsync(practice.Tenant, RewardsTestData.Staff, north, PatientStatus.Active, "1", CancellationToken.None));
        Assert.NotNull(await tags.CreateAsync(practice.Tenant, RewardsTestData.Staff, "VIP", TagKind.Custom, CancellationToken.None));
    }
}

public sealed class MappingPmsStatusesAndClinicsToTagsOnSqlite() : MappingPmsStatusesAndClinicsToTags(DatabaseProvider.Sqlite);

public sealed class MappingPmsStatusesAndClinicsToTagsOnPostgres() : MappingPmsStatusesAndClinicsToTags(DatabaseProvider.Postgres);
