using DentalHub.Connectors.Contract;
using DentalHub.Connectors.QuickBooks;
using DentalHub.TestDoubles.QuickBooks;
using Microsoft.Extensions.Time.Testing;
using static DentalHub.Connectors.Tests.QuickBooks.QuickBooksConnection;

namespace DentalHub.Connectors.Tests.QuickBooks;

/// <summary>
/// Access tokens refreshed before they expire or when QuickBooks refuses them, one refresh at a time, the rotated
/// refresh token saved before the new access token is used. Intuit's clock and ours move together here.
/// </summary>
public sealed class RefreshingTokens : QuickBooksScenario
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => clock;

    [Fact]
    public async Task Write_AccessTokenRefusedByQuickBooks_RefreshesOnceAndSucceeds()
    {
        Qbo.ExpireAccessTokens();

        var outcome = await Connector().WriteDepositAsync(Payout(), CancellationToken.None);

        Assert.IsType<WriteOutcome.Written>(outcome);
        Assert.Equal(1, Qbo.Refreshes);
        Assert.Equal(1, Store.Saves);
        Assert.Single(Qbo.Deposits);
    }

    [Fact]
    public async Task Write_AccessTokenExpiringWithinFiveMinutes_IsRefreshedBeforeTheCall()
    {
        clock.Advance(TimeSpan.FromMinutes(56));

        await Connector().WriteDepositAsync(Payout(), CancellationToken.None);

        Assert.Equal(1, Qbo.Refreshes);
        Assert.All(Qbo.ApiRequests, r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task Write_StillRefusedAfterARefresh_IsUnavailableSayingReconnectAndNotRetriedAgain()
    {
        Qbo.FailNextDeposit(QboFault.Unauthorized401, count: 2);

        var outcome = await Connector().WriteDepositAsync(Payout(), CancellationToken.None);

        Assert.Contains("Reconnect QuickBooks", Assert.IsType<WriteOutcome.Unavailable>(outcome).Reason, StringComparison.Ordinal);
        Assert.Equal(1, Qbo.Refreshes);
        Assert.Equal(2, Qbo.DepositBodies.Count);
        Assert.Empty(Qbo.Deposits);
    }

    [Fact]
    public async Task Write_DisconnectedInQuickBooks_InvalidGrantIsUnavailableSayingReconnect()
    {
        Qbo.Disconnect();

        var outcome = await Connector().WriteDepositAsync(Payout(), CancellationToken.None);

        Assert.Contains("Reconnect QuickBooks", Assert.IsType<WriteOutcome.Unavailable>(outcome).Reason, StringComparison.Ordinal);
        Assert.Equal(400, Assert.Single(Qbo.Requests, r => r.GrantType == "refresh_token").Status);
    }

    [Fact]
    public async Task AccessToken_ExpiredWithTwoCallersAtOnce_RefreshesOnce()
    {
        clock.Advance(TimeSpan.FromHours(2));

        await Task.WhenAll(
            Task.Run(() => Connector().ReadAccountsAsync(CancellationToken.None)),
            Task.Run(() => Connector().ReadAccountsAsync(CancellationToken.None)));

        Assert.Equal(1, Qbo.Refreshes);
        Assert.Equal(1, Store.Saves);
    }

    [Fact]
    public async Task Refresh_RotatedRefreshToken_IsSavedBeforeTheNewAccessTokenIsUsed()
    {
        var original = Store.Current!.RefreshToken;
        clock.Advance(TimeSpan.FromHours(25));
        var usedBeforeSave = -1;
        Store.BeforeSave = saving => usedBeforeSave = Qbo.ApiRequests.Count(r => r.Bearer == saving.AccessToken);

        var outcome = await Connector().WriteDepositAsync(Payout(), CancellationToken.None);

        Assert.IsType<WriteOutcome.Written>(outcome);
        Assert.Equal(0, usedBeforeSave);
        Assert.NotEqual(original, Qbo.CurrentRefreshToken);
        Assert.Equal(Qbo.CurrentRefreshToken, Store.Current!.RefreshToken);
        Assert.All(Qbo.ApiRequests, r => Assert.Equal(Store.Current.AccessToken, r.Bearer));
    }

    /// <summary>
    /// Intuit documents that "previous refresh tokens expire 24 hours after you receive a new one" (its oauth-jsclient
    /// README), and the double does exactly that. So when the process dies after Intuit rotated the refresh token but
    /// before the new one was saved, the saved (previous) token still works for 24 hours: the next refresh, by any
    /// process, gets the current token back and saves it, and nobody has to reconnect. The new tokens were never used.
    /// </summary>
    [Fact]
    public async Task Refresh_CrashBetweenRefreshAndSave_TheNextProcessStillConnectsWithoutAPerson()
    {
        var saved = Store.Current!;
        clock.Advance(TimeSpan.FromHours(25));
        var crashing = new InMemoryTokenStore(saved) { BeforeSave = _ => throw new IOException("The database went away.") };

        var crashed = await Connector(store: crashing).WriteDepositAsync(Payout(), CancellationToken.None);

        Assert.IsType<WriteOutcome.TryLater>(crashed);
        Assert.Empty(Qbo.DepositBodies);
        Assert.NotEqual(saved.RefreshToken, Qbo.CurrentRefreshToken);
        clock.Advance(TimeSpan.FromHours(23));
        var restarted = new InMemoryTokenStore(saved);

        var outcome = await Connector(store: restarted).WriteDepositAsync(Payout(), CancellationToken.None);

        Assert.IsType<WriteOutcome.Written>(outcome);
        Assert.Equal(Qbo.CurrentRefreshToken, restarted.Current!.RefreshToken);
    }

    /// <summary>
    /// The strongest true property has a limit, set by Intuit, that no client can lift: a rotated token that was never
    /// saved is gone, and the previous one dies 24 hours after the rotation. If no refresh happens in those 24 hours
    /// (the connection was idle), the person must reconnect; the connector says so instead of failing per payout.
    /// </summary>
    [Fact]
    public async Task Refresh_CrashThenIdleForMoreThanADay_AsksThePersonToReconnect()
    {
        var saved = Store.Current!;
        clock.Advance(TimeSpan.FromHours(25));
        var crashing = new InMemoryTokenStore(saved) { BeforeSave = _ => throw new IOException("The database went away.") };
        await Connector(store: crashing).WriteDepositAsync(Payout(), CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(25));

        var outcome = await Connector(store: new InMemoryTokenStore(saved)).WriteDepositAsync(Payout(), CancellationToken.None);

        Assert.Contains("Reconnect QuickBooks", Assert.IsType<WriteOutcome.Unavailable>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_AnotherProcessSavedFirst_UsesTheTokensItSaved()
    {
        clock.Advance(TimeSpan.FromHours(2));
        var theirs = await OAuth(Qbo, Http, clock).RefreshAsync(Store.Current!, CancellationToken.None);
        var raced = false;
        Store.BeforeSave = _ =>
        {
            if (!raced)
            {
                raced = true;
                Assert.NotNull(Store.SaveAsync(theirs, theirs.Version, CancellationToken.None).GetAwaiter().GetResult());
            }
        };

        var outcome = await Connector().WriteDepositAsync(Payout(), CancellationToken.None);

        Assert.IsType<WriteOutcome.Written>(outcome);
        Assert.Equal(theirs.AccessToken, Store.Current!.AccessToken);
        Assert.All(Qbo.ApiRequests, r => Assert.Equal(theirs.AccessToken, r.Bearer));
    }
}
