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
/// What the Open Dental writeback suites share: the hub on a test database with its writeback worker off, the Open Dental
/// API double with one patient (Nora Quinn, PatNum <see cref="PatNum"/>), a practice connected to it in API mode with that
/// patient synced, and a dispatcher on a clock the test drives.
/// </summary>
public sealed class OpenDentalWritebackHost : IAsyncDisposable
{
    public const long PatNum = 11;

    private OpenDentalWritebackHost(DentalHubApp app, OpenDentalApiTestDouble api, TestPractice practice, Guid connectionId)
    {
        App = app;
        Api = api;
        Practice = practice;
        ConnectionId = connectionId;
        Writeback = new DrivenDispatcher(app, practice);
    }

    public DentalHubApp App { get; }
    public OpenDentalApiTestDouble Api { get; }
    public TestPractice Practice { get; }
    public Guid ConnectionId { get; }
    public DrivenDispatcher Writeback { get; }
    /// <summary>The synced patient, unless a test links another.</summary>
    public Guid PatientId { get; set; }

    /// <summary>Starts it all; <paramref name="office"/> adds to the office before the patient (and <paramref name="resources"/>) are read.</summary>
    public static async Task<OpenDentalWritebackHost> StartAsync(
        DatabaseProvider provider, string practiceName, Action<OpenDentalApiTestDouble>? office = null, params string[] resources)
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        var app = new DentalHubApp(TestDatabase.Create(provider), new Dictionary<string, string?> { ["Writeback:Worker"] = "false" });
        var api = await OpenDentalApiTestDouble.StartAsync();
        api.Add([new DoublePatient(PatNum, "Nora", "Quinn", api.OfficeNow.AddMinutes(-5), Birthdate: "1984-03-02")]);
        office?.Invoke(api);
        var practice = await app.AddPracticeAsync(practiceName);
        var host = new OpenDentalWritebackHost(app, api, practice, await app.ConnectOpenDentalApiAsync(practice, api));
        foreach (var resource in resources.Prepend(SyncResources.Patients))
        {
            await host.SyncAsync(resource);
        }
        await using var db = app.Databases.Create(practice.Tenant);
        host.PatientId = await db.Patients.Select(p => p.Id).SingleAsync();
        return host;
    }

    /// <summary>Changes the practice's writeback settings as a suite wants them (a kind on, its defaults).</summary>
    public async Task SetWritebackAsync(Action<WritebackSettings> change)
    {
        var settings = App.Services.GetRequiredService<WritebackSettingsService>();
        var changed = await settings.GetAsync(Practice.Tenant, CancellationToken.None);
        change(changed);
        await settings.SaveAsync(Practice.Tenant, RewardsTestData.Staff, changed, CancellationToken.None);
    }

    public async Task SyncAsync(string resource)
    {
        var sync = await App.Services.GetRequiredService<SyncRunner>().RunAsync(Practice.Tenant, ConnectionId, resource, SyncTrigger.Manual, CancellationToken.None);
        Assert.Equal(SyncOutcomeKind.Completed, sync.Kind);
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
    }
}
