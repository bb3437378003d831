using DentalHub.Messages;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Rewards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Messages;

/// <summary>The e-mail opt-out is the hub's: a sync that changes the PMS fields leaves it as staff set it.</summary>
public sealed class KeepingEmailOptOutThroughSync : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private readonly ScriptedPms pms = new();
    private TestPractice practice = default!;
    private Guid connectionId;

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Consent Dental");
        connectionId = await app.ConnectAsync(practice, pms);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    private Task<SyncOutcome> SyncAsync() =>
        app.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, connectionId, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);

    [Fact]
    public async Task Sync_PatientOptedOutAndChangedInPms_OptOutStays()
    {
        pms.Upsert(ScriptedPms.Patient("1", "Ann", "Able", new DateOnly(1980, 1, 2)));
        await SyncAsync();
        Guid id;
        await using (var db = app.Databases.Create(practice.Tenant))
        {
            var created = await db.Patients.SingleAsync();
            Assert.False(created.EmailOptOut);
            id = created.Id;
        }
        await app.Services.GetRequiredService<MessageSender>().SetOptOutAsync(practice.Tenant, RewardsTestData.Staff, id, true, CancellationToken.None);

        pms.Edit("1", p => p with { Email = "ann.new@example.com" });
        await SyncAsync();

        await using var read = app.Databases.Create(practice.Tenant);
        var patient = await read.Patients.SingleAsync();
        Assert.Equal(("ann.new@example.com", true), (patient.Email, patient.EmailOptOut));
    }
}
