using System.Net;
using System.Web;
using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Bookkeeping;
using DentalHub.Connections;
using DentalHub.Connectors.QuickBooks;
using DentalHub.Data;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Tests.Payouts;

/// <summary>An owner connecting the practice's books: out to Intuit's consent page and back through the callback.</summary>
public sealed class ConnectingQuickBooksWithOAuth : IAsyncLifetime
{
    private PayoutHarness h = default!;
    private Browser owner = default!;

    public async Task InitializeAsync()
    {
        h = await PayoutHarness.StartAsync(DatabaseProvider.Sqlite, connect: false);
        owner = await Browser.SignedInAsync(h.App, await h.App.AddStaffAsync("Olive Owner", (h.Practice, PracticeRole.Owner)));
    }

    public async Task DisposeAsync() => await h.DisposeAsync();

    private async Task<string> StartAsync(Browser browser)
    {
        var response = await browser.Client.GetAsync($"/bookkeeping/quickbooks/connect/{h.BooksConnectionId}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var consent = response.Headers.Location!;
        var query = HttpUtility.ParseQueryString(consent.Query);
        Assert.Equal(QuickBooksOAuth.Scope, query["scope"]);
        Assert.Equal(PayoutHarness.Callback.ToString(), query["redirect_uri"]);
        return query["state"]!;
    }

    private Task<HttpResponseMessage> CallbackAsync(Browser browser, string state) => browser.Client.GetAsync(
        $"{QuickBooksConnectEndpoints.CallbackPath}?code={Uri.EscapeDataString(h.Qbo.IssueAuthorizationCode(PayoutHarness.Callback.ToString()))}" +
        $"&state={Uri.EscapeDataString(state)}&realmId={h.Qbo.RealmId}");

    [Fact]
    public async Task Callback_WithTheStateItIssued_StoresTheCompanyAndEncryptedTokens()
    {
        var response = await CallbackAsync(owner, await StartAsync(owner));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/bookkeeping/accounts?connected=1", response.Headers.Location!.OriginalString);
        await using var db = h.App.Databases.Create(h.Practice.Tenant);
        var connection = await db.Connections.AsNoTracking().SingleAsync(c => c.Id == h.BooksConnectionId);
        Assert.Equal(h.Qbo.RealmId, ConnectorFactory.ValuesOf(connection)[QuickBooksSettings.RealmIdName]);
        var tokens = await db.ConnectionTokens.AsNoTracking().SingleAsync();
        Assert.DoesNotContain(h.Qbo.CurrentRefreshToken!, tokens.ProtectedTokens, StringComparison.Ordinal);
        Assert.NotNull(tokens.RefreshTokenHardExpiresAt);
        Assert.Contains(await db.AuditEntries.AsNoTracking().ToListAsync(), a => a.Action == "connection.authorized");
        var accounts = await h.App.Services.GetRequiredService<AccountMappingService>().LoadAsync(h.Practice.Tenant, CancellationToken.None);
        Assert.Contains(accounts.Accounts, a => a.Name == "Checking");
    }

    [Theory]
    [InlineData("not-a-state")]
    [InlineData("")]
    public async Task Callback_WithABadState_IsRefusedAndStoresNothing(string state)
    {
        await StartAsync(owner);
        var response = await CallbackAsync(owner, state);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("did not start here", await response.Content.ReadAsStringAsync());
        await using var db = h.App.Databases.Create(h.Practice.Tenant);
        Assert.Empty(await db.ConnectionTokens.AsNoTracking().ToListAsync());
    }

    [Fact]
    public async Task Callback_WithAnotherPersonsState_IsRefused()
    {
        var state = await StartAsync(owner);
        var other = await Browser.SignedInAsync(h.App, await h.App.AddStaffAsync("Adam Admin", (h.Practice, PracticeRole.Admin)));

        var response = await CallbackAsync(other, state);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task State_OlderThanItsLifetime_IsRefused()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var connections = ActivatorUtilities.CreateInstance<QuickBooksConnections>(h.App.Services, (TimeProvider)clock);
        var consent = await connections.StartAsync(h.Practice.Tenant, "someone", h.BooksConnectionId, PayoutHarness.Callback, CancellationToken.None);
        clock.Advance(QuickBooksConnections.StateLifetime + TimeSpan.FromSeconds(1));

        var (connected, refusal) = await connections.CompleteAsync(h.Practice.Tenant, AuditActor.System, "someone", PayoutHarness.StateOf(consent!),
            h.Qbo.IssueAuthorizationCode(PayoutHarness.Callback.ToString()), h.Qbo.RealmId, PayoutHarness.Callback, CancellationToken.None);

        Assert.Null(connected);
        Assert.Contains("expired", refusal);
    }

    [Fact]
    public async Task Authorization_NearItsHardExpiry_AsksForAReconnect()
    {
        await h.ConnectAsync();
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var connections = ActivatorUtilities.CreateInstance<QuickBooksConnections>(h.App.Services, (TimeProvider)clock);
        var now = await connections.AuthorizationAsync(h.Practice.Tenant, h.BooksConnectionId, CancellationToken.None);

        clock.Advance(now.HardExpiresAt!.Value - clock.GetUtcNow() - TimeSpan.FromDays(29));
        var later = await connections.AuthorizationAsync(h.Practice.Tenant, h.BooksConnectionId, CancellationToken.None);

        Assert.True(now.Connected);
        Assert.False(now.ReconnectSoon);
        Assert.True(later.ReconnectSoon);
    }

    [Fact]
    public async Task Disconnect_RevokesAtIntuitAndDeletesTheTokens()
    {
        await h.ConnectAsync();
        var problem = await h.App.Services.GetRequiredService<QuickBooksConnections>().DisconnectAsync(h.Practice.Tenant, AuditActor.System, h.BooksConnectionId, CancellationToken.None);

        Assert.Null(problem);
        Assert.Null(h.Qbo.CurrentRefreshToken);
        await using var db = h.App.Databases.Create(h.Practice.Tenant);
        Assert.Empty(await db.ConnectionTokens.AsNoTracking().ToListAsync());
    }
}
