using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Sync;
using DentalHub.TestDoubles.OpenDental;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Rewards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Writeback;

/// <summary>
/// The app (its worker off) with one practice whose Open Dental connection (the API double) has one synced patient, the
/// practice's writeback settings as a suite wants them, and a dispatcher the test drives: what the suites of each kind of
/// write about a patient (adjustments, documents) share.
/// </summary>
public sealed class OpenDentalPatientWriteback : IAsyncDisposable
{
    public const long PatNum = 11;

    private OpenDentalPatientWriteback(DentalHubApp app, OpenDentalApiTestDouble api, TestPractice practice, Guid connectionId, Guid patientId)
    {
        App = app;
        Api = api;
        Practice = practice;
        ConnectionId = connectionId;
        PatientId = patientId;
        Writeback = new DrivenDispatcher(app, practice);
    }

    public DentalHubApp App { get; }
    public OpenDentalApiTestDouble Api { get; }
    public TestPractice Practice { get; }
    public Guid ConnectionId { get; }
    public DrivenDispatcher Writeback { get; }

    /// <summary>The synced patient, unless a test links another.</summary>
    public Guid PatientId { get; set; }

    public static async Task<OpenDentalPatientWriteback> StartAsync(DatabaseProvider provider, string practiceName, Action<WritebackSettings> settings)
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        var app = new DentalHubApp(TestDatabase.Create(provider), new Dictionary<string, string?> { ["Writeback:Worker"] = "false" });
        var api = await OpenDentalApiTestDouble.StartAsync();
        api.Add([new DoublePatient(PatNum, "Nora", "Quinn", api.OfficeNow.AddMinutes(-5), Birthdate: "1984-03-02")]);
        var practice = await app.AddPracticeAsync(practiceName);
        var connectionId = await app.ConnectOpenDentalApiAsync(practice, api);
        var sync = await app.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, connectionId, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);
        Assert.Equal(SyncOutcomeKind.Completed, sync.Kind);
        Guid patientId;
        await using (var db = app.Databases.Create(practice.Tenant))
        {
            patientId = await db.Patients.Select(p => p.Id).SingleAsync();
        }
        var service = app.Services.GetRequiredService<WritebackSettingsService>();
        var changed = await service.GetAsync(practice.Tenant, CancellationToken.None);
        settings(changed);
        await service.SaveAsync(practice.Tenant, RewardsTestData.Staff, changed, CancellationToken.None);
        return new OpenDentalPatientWriteback(app, api, practice, connectionId, patientId);
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
    }
}
