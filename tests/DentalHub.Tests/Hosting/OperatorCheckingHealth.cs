using System.Text.Json;
using DentalHub.Audit;
using DentalHub.Connections;
using DentalHub.Data;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Hosting;

/// <summary>The operator's monitor reads /health: a connection that has not read within its schedule makes the hub Degraded, named by ids only.</summary>
public sealed class OperatorCheckingHealth : IAsyncLifetime
{
    private DentalHubApp app = default!;
    private TestPractice practice = default!;
    private Guid connectionId;

    public async Task InitializeAsync()
    {
        app = new DentalHubApp(TestDatabase.Create(DatabaseProvider.Sqlite));
        practice = await app.AddPracticeAsync("Health Dental");
        await app.Services.GetRequiredService<ConnectionService>().SetEnabledAsync(practice.Tenant, AuditActor.System, practice.ConnectionId, false, CancellationToken.None);
        connectionId = await app.ConnectAsync(practice, new ScriptedPms());
        await app.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, connectionId, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    private async Task<JsonElement> ConnectionsHealthAsync()
    {
        using var client = app.CreateClient();
        var body = await client.GetStringAsync("/health");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task ConnectionThatReadWithinItsSchedule_IsHealthy()
    {
        var health = await ConnectionsHealthAsync();

        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("connections").GetProperty("status").GetString());
    }

    [Fact]
    public async Task ConnectionWithoutASuccessfulReadForTwoDays_MakesTheHubDegradedNamingItsIdsOnly()
    {
        await using (var db = app.Databases.Create(practice.Tenant))
        {
            // A daily connection whose reads have failed since the day before yesterday.
            await db.Connections.Where(c => c.Id == connectionId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSuccessfulReadAt, TimeProvider.System.GetUtcNow().AddDays(-2)));
        }

        var health = await ConnectionsHealthAsync();

        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        var connections = health.GetProperty("checks").GetProperty("connections");
        Assert.Equal("Degraded", connections.GetProperty("status").GetString());
        var stale = Assert.Single(connections.GetProperty("data").GetProperty("stale").EnumerateArray());
        Assert.Equal(connectionId, stale.GetProperty("connectionId").GetGuid());
        Assert.Equal(practice.PracticeId, stale.GetProperty("practiceId").GetGuid());
        Assert.DoesNotContain("Health Dental", health.GetRawText());
    }
}
