using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Connections;
using DentalHub.Connectors.QuickBooks;
using DentalHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Connections;

/// <summary>
/// An Owner with a PMS and QuickBooks connected: only the PMS, which DentalHub reads, offers Sync; QuickBooks only
/// takes deposits, and "sync now" on it starts nothing and says so instead of failing.
/// </summary>
public sealed class SyncOfferedOnlyWhereAConnectionReads : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private TestPractice practice = default!;
    private Guid pmsId;
    private Guid booksId;

    private ConnectionService Connections => app.Services.GetRequiredService<ConnectionService>();

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Two Systems Dental");
        pmsId = await app.ConnectAsync(practice, new ScriptedPms());
        booksId = (await Connections.CreateAsync(practice.Tenant, AuditActor.System,
            new ConnectionInput(QuickBooksConnector.Key, "Books", new Dictionary<string, string>(), new Dictionary<string, string>()), CancellationToken.None)).Id;
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task ConnectionsPage_PmsAndQuickBooks_OnlyThePmsOffersSync()
    {
        var owner = await Browser.SignedInAsync(app, await app.AddStaffAsync("Olive Owner", (practice, PracticeRole.Owner)));

        var page = await owner.GetPageAsync("/connections");

        Assert.Contains($"/connections/{booksId}\"", page);
        Assert.Contains($"/connections/{pmsId}/sync", page);
        Assert.DoesNotContain($"/connections/{booksId}/sync", page);
    }

    [Fact]
    public async Task SyncNow_OnQuickBooks_StartsNothingAndSaysSo()
    {
        Assert.False(await Connections.SyncNowAsync(practice.Tenant, AuditActor.System, booksId, CancellationToken.None));
    }
}
