using DentalHub.Auth;
using DentalHub.Data;
using DentalHub.SampleData;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Tests.SampleData;

/// <summary>
/// A first run with sample data on: besides its synced PMS, the sample practice has a few weeks of payments, payouts,
/// a reward menu, tags and templates, as a new user would expect to see on each page; a restart adds none of it again.
/// </summary>
public sealed class SampleActivityOnFirstRun : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> SampleOn = new() { ["SampleData:Enabled"] = "true" };
    private readonly TestDatabase database = TestDatabase.Create(DatabaseProvider.Sqlite);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => database.DisposeAsync().AsTask();

    private static async Task<Browser> OwnerOfTheSampleAsync(DentalHubApp app)
    {
        await using var db = app.Databases.CreateWithoutTenant();
        var practice = await db.Practices.IgnoreQueryFilters().SingleAsync(p => p.IsSample);
        var connection = await db.Connections.IgnoreQueryFilters().SingleAsync(c => c.PracticeId == practice.Id);
        var owner = await app.AddStaffAsync("Olivia Owner", (new TestPractice(practice.OrganizationId, practice.Id, practice.Name, connection.Id, connection.Name), PracticeRole.Owner));
        return await Browser.SignedInAsync(app, owner);
    }

    /// <summary>The payments page once the writeback worker has recorded what it may (it starts with the host).</summary>
    private static async Task<string> PaymentsOnceWrittenAsync(Browser browser)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var page = await browser.GetPageAsync("/payments");
        while (page.Contains(">Being recorded<", StringComparison.Ordinal) && waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(200);
            page = await browser.GetPageAsync("/payments");
        }
        return page;
    }

    [Fact]
    public async Task FirstRun_SampleDataOn_EveryPageShowsTheSamplePracticeWorking()
    {
        await using var app = new DentalHubApp(database, SampleOn);
        var browser = await OwnerOfTheSampleAsync(app);

        var payments = await PaymentsOnceWrittenAsync(browser);
        var payouts = await browser.GetPageAsync("/payouts");
        var menu = await browser.GetPageAsync("/rewards/menu");
        var tags = await browser.GetPageAsync("/tags");
        var messages = await browser.GetPageAsync("/messages");
        var dashboard = await browser.GetPageAsync("/");

        Assert.Contains(">Recorded<", payments, StringComparison.Ordinal);
        Assert.Contains("Assign it to a patient", payments, StringComparison.Ordinal);
        Assert.Contains(">Waiting for the daily batch<", payments, StringComparison.Ordinal);
        Assert.DoesNotContain(">Not recorded<", payments, StringComparison.Ordinal);
        Assert.Contains(">Posted by hand<", payouts, StringComparison.Ordinal);
        Assert.Contains("No QuickBooks connection can take deposits", payouts, StringComparison.Ordinal);
        Assert.DoesNotContain("In QuickBooks as deposit", payouts, StringComparison.Ordinal);
        Assert.Contains("Referred a friend", menu, StringComparison.Ordinal);
        Assert.Contains("Prefers text messages", tags, StringComparison.Ordinal);
        Assert.Contains("Time for a cleaning", messages, StringComparison.Ordinal);
        Assert.DoesNotContain("Never", dashboard, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Payments paid in the last 14 days: ", dashboard, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"payout-numbers\"", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing yet", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_SampleDataOn_AddsNothingTwice()
    {
        static async Task<int[]> CountsAsync(DentalHubApp app)
        {
            await using var db = app.Databases.CreateWithoutTenant();
            return
            [
                await db.Organizations.IgnoreQueryFilters().CountAsync(),
                await db.Payments.IgnoreQueryFilters().CountAsync(),
                await db.Payouts.IgnoreQueryFilters().CountAsync(),
                await db.RewardCategories.IgnoreQueryFilters().CountAsync(),
                await db.PointsEntries.IgnoreQueryFilters().CountAsync(),
                await db.Tags.IgnoreQueryFilters().CountAsync(),
                await db.MessageTemplates.IgnoreQueryFilters().CountAsync(),
            ];
        }
        int[] first;
        await using (var app = new DentalHubApp(database, SampleOn))
        {
            first = await CountsAsync(app);
        }

        await using var restarted = new DentalHubApp(database, SampleOn);
        var again = await CountsAsync(restarted);

        Assert.All(first, count => Assert.True(count > 0));
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task FirstRun_SampleDataOff_SeedsNoActivity()
    {
        await using var app = new DentalHubApp(database);
        await using var db = app.Databases.CreateWithoutTenant();

        Assert.False(await db.Payments.IgnoreQueryFilters().AnyAsync(p => p.Processor == SampleActivity.Processor));
        Assert.False(await db.Practices.IgnoreQueryFilters().AnyAsync());
    }
}
