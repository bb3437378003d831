using DentalHub.Alerts;
using DentalHub.Audit;
using DentalHub.Bookkeeping;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Payouts;
using DentalHub.TestDoubles.QuickBooks;
using DentalHub.Tests.Infrastructure;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Payouts;

/// <summary>Payouts reaching QuickBooks as one deposit each, to the cent, through faults; on both databases.</summary>
public abstract class PayoutPostingSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private PayoutHarness? harness;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (harness is not null)
        {
            await harness.DisposeAsync();
        }
    }

    private async Task<PayoutHarness> StartAsync()
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        return harness = await PayoutHarness.StartAsync(provider);
    }

    private static IncomingPayoutItem Charge(decimal gross, decimal fee, PaymentSource source = PaymentSource.CardTerminal, string? id = null) =>
        new(PayoutItemCategory.Charge, id ?? "ch_" + Guid.NewGuid().ToString("N")[..10], gross, fee, source);

    [SkippableTheory]
    [InlineData(11)]
    [InlineData(12)]
    public async Task RandomPayouts_LinesSumToNetAndQuickBooksTotalEqualsNet(int seed)
    {
        var h = await StartAsync();
        var random = new Random(seed);
        var payouts = new List<Payout>();
        for (var n = 0; n < 15; n++)
        {
            var items = RandomItems(random);
            var (payout, _) = await h.PayoutAsync($"po_{seed}_{n}", items.Sum(i => i.Gross - i.Fee), [.. items]);
            payouts.Add(payout);
        }
        await h.RunAsync();

        Assert.Equal(payouts.Count, h.Qbo.Deposits.Count);
        Assert.Empty(h.Qbo.SchemaErrors);
        foreach (var sent in payouts)
        {
            var payout = await h.ReloadAsync(sent.Id);
            Assert.True(payout.Status == PayoutState.Posted, $"{payout.ProcessorPayoutId}: {payout.Status} {payout.HeldReason}");
            var deposit = Assert.Single(h.Qbo.Deposits, d => d.Id == payout.DepositId);
            Assert.Equal(payout.NetAmount, deposit.Lines.Sum(l => l.Amount));
            Assert.Equal(payout.NetAmount, deposit.TotalAmt);
            Assert.Equal(payout.NetAmount, payout.ReadBackTotal);
            Assert.Equal(0m, payout.Difference);
            Assert.Equal(DoubleAccount.Checking, deposit.DepositAccountId);
            Assert.Contains(payout.ProcessorPayoutId, deposit.PrivateNote);
        }
    }

    // Charges from every source with fees, refunds, disputes won and lost, billed fees and adjustments; net stays positive.
    private static List<IncomingPayoutItem> RandomItems(Random random)
    {
        decimal Cents(int min, int max) => random.Next(min, max) / 100m;
        var sources = Enum.GetValues<PaymentSource>();
        var items = new List<IncomingPayoutItem>();
        for (var i = random.Next(3, 12); i > 0; i--)
        {
            var gross = Cents(500, 250_000);
            items.Add(Charge(gross, decimal.Round(gross * 0.029m + 0.30m, 2), sources[random.Next(sources.Length)]));
        }
        if (random.NextDouble() < 0.7)
        {
            items.Add(new(PayoutItemCategory.Refund, "re_" + random.Next(), -Cents(100, 20_000), random.NextDouble() < 0.3 ? -Cents(1, 50) : 0m));
        }
        if (random.NextDouble() < 0.5)
        {
            var disputed = Cents(1_000, 30_000);
            items.Add(new(PayoutItemCategory.Dispute, "dp_" + random.Next(), -disputed, 15m));
            if (random.NextDouble() < 0.5)
            {
                items.Add(new(PayoutItemCategory.Dispute, "dp_" + random.Next(), disputed, -15m));
            }
        }
        if (random.NextDouble() < 0.4)
        {
            items.Add(new(PayoutItemCategory.Fee, "fee_" + random.Next(), -Cents(100, 3_000), 0m));
        }
        if (random.NextDouble() < 0.4)
        {
            items.Add(new(PayoutItemCategory.Adjustment, "adj_" + random.Next(), Cents(-500, 500), 0m));
        }
        return items;
    }

    [SkippableFact]
    public async Task LinesNotAddingUpToNet_PayoutHeldWithTheDifferenceAndNothingSent()
    {
        var h = await StartAsync();
        var (payout, _) = await h.PayoutAsync("po_short", 100.00m, Charge(120.00m, 3.78m), new(PayoutItemCategory.Refund, "re_1", -16.20m, 0m));
        await h.RunAsync();

        var held = await h.ReloadAsync(payout.Id);
        Assert.Equal(PayoutState.Held, held.Status);
        Assert.Equal(-0.02m, held.Difference);
        Assert.Contains("difference of -0.02", held.HeldReason);
        Assert.Empty(h.Qbo.Deposits);
        Assert.Empty(await h.CommandsAsync());
    }

    [SkippableTheory]
    [InlineData(QboFault.DropAfterCommit)]
    [InlineData(QboFault.Status500AfterCommit)]
    public async Task LostResponseAfterQuickBooksCreatedTheDeposit_RetryFindsItAndThereIsOneDeposit(QboFault fault)
    {
        var h = await StartAsync();
        h.Qbo.FailNextDeposit(fault);
        var (payout, _) = await h.PayoutAsync("po_lost", 96.22m, Charge(100m, 3.78m));
        await h.RunAsync();

        var deposit = Assert.Single(h.Qbo.Deposits);
        var posted = await h.ReloadAsync(payout.Id);
        Assert.Equal((PayoutState.Posted, deposit.Id), (posted.Status, posted.DepositId));
        Assert.Equal(WritebackState.Confirmed, Assert.Single(await h.CommandsAsync()).State);
    }

    [SkippableFact]
    public async Task InactiveMappedAccount_StopsPostingForTheConnectionWithOneAlertUntilFixed()
    {
        var h = await StartAsync();
        h.Qbo.SetActive(DoubleAccount.MerchantFees, false);
        var (first, _) = await h.PayoutAsync("po_a", 96.22m, Charge(100m, 3.78m));
        var (second, _) = await h.PayoutAsync("po_b", 48.11m, Charge(50m, 1.89m));
        await h.RunAsync(rounds: 3);

        Assert.Empty(h.Qbo.Deposits);
        foreach (var id in new[] { first.Id, second.Id })
        {
            var held = await h.ReloadAsync(id);
            Assert.Equal(PayoutState.Held, held.Status);
            Assert.Contains("Processing fees (Merchant Fees) is inactive", held.HeldReason);
        }
        var alert = Assert.Single(await h.AlertsAsync());
        Assert.Equal((AlertKinds.ConnectionNeedsAttention, h.BooksConnectionId), (alert.Kind, alert.SubjectId));

        // The bookkeeper maps another fee account: both payouts are planned again and posted.
        h.Qbo.AddAccount(new DoubleAccount("64", "Card Processing Fees", "Expense", "BankCharges", "Expense"));
        await h.MapAsync(new Dictionary<string, string>(PayoutHarness.StandardMapping) { [AccountRoles.Fees] = "64" });
        await h.RunAsync();
        Assert.Equal(2, h.Qbo.Deposits.Count);
        Assert.All(h.Qbo.Deposits, d => Assert.Contains(d.Lines, l => l.AccountId == "64"));
        Assert.Equal(PayoutState.Posted, (await h.ReloadAsync(first.Id)).Status);
    }

    [SkippableFact]
    public async Task NewLinesWhileTheDepositWaitsForTheConnection_OnlyTheNewLinesReachTheBooks()
    {
        var h = await StartAsync();
        h.Qbo.SetActive(DoubleAccount.MerchantFees, false);
        var (payout, _) = await h.PayoutAsync("po_relined", 96.22m, Charge(100m, 3.78m));
        await h.RunAsync(rounds: 3);
        Assert.Equal(WritebackState.Pending, Assert.Single(await h.CommandsAsync()).State);

        var (_, result) = await h.PayoutAsync("po_relined", 97.00m, Charge(100m, 3.00m));
        h.Qbo.SetActive(DoubleAccount.MerchantFees, true);
        await h.RunAsync();

        Assert.Equal(PayoutIntakeResult.Updated, result);
        Assert.Equal(97.00m, Assert.Single(h.Qbo.Deposits).TotalAmt);
        Assert.Equal(WritebackState.Confirmed, Assert.Single(await h.CommandsAsync()).State);
        Assert.Equal(PayoutState.Posted, (await h.ReloadAsync(payout.Id)).Status);
    }

    [SkippableFact]
    public async Task MappedAccountDeletedInQuickBooks_PayoutHeldNamingTheAccount()
    {
        var h = await StartAsync();
        await using (var db = h.App.Databases.Create(h.Practice.Tenant))
        {
            // As if the refunds account was mapped, then deleted in QuickBooks.
            var mapping = await db.AccountMappings.SingleAsync();
            mapping.Accounts = new Dictionary<string, string>(mapping.Accounts) { [AccountRoles.Refunds] = "999" };
            await db.SaveChangesAsync();
        }
        var (payout, _) = await h.PayoutAsync("po_gone", 76.22m, Charge(100m, 3.78m), new(PayoutItemCategory.Refund, "re_2", -20m, 0m));
        await h.RunAsync(rounds: 2);

        var held = await h.ReloadAsync(payout.Id);
        Assert.Equal(PayoutState.Held, held.Status);
        Assert.Contains("Refunds (id 999) no longer exists in QuickBooks", held.HeldReason);
        Assert.Empty(h.Qbo.Deposits);
    }

    [SkippableFact]
    public async Task Throttled_WaitsAsIntuitAsksThenPosts()
    {
        var h = await StartAsync();
        h.Qbo.FailNextDeposit(QboFault.Throttled429);
        var (payout, _) = await h.PayoutAsync("po_busy", 96.22m, Charge(100m, 3.78m));
        var start = h.Clock.GetUtcNow();
        await h.NewDispatcher().RunOnceAsync(CancellationToken.None);

        var waiting = Assert.Single(await h.CommandsAsync());
        Assert.Equal(WritebackState.Pending, waiting.State);
        Assert.True(waiting.NextAttemptAt >= start.AddSeconds(59), $"Retried after {waiting.NextAttemptAt - start}");
        Assert.Empty(await h.AlertsAsync());

        await h.RunAsync();
        Assert.Single(h.Qbo.Deposits);
        Assert.Equal(PayoutState.Posted, (await h.ReloadAsync(payout.Id)).Status);
    }

    [SkippableFact]
    public async Task AuthorizationRevokedInQuickBooks_OneAlertOnTheConnectionNotOnePerPayout()
    {
        var h = await StartAsync();
        h.Qbo.Disconnect();
        for (var i = 0; i < 3; i++)
        {
            await h.PayoutAsync($"po_revoked_{i}", 96.22m, Charge(100m, 3.78m));
        }
        await h.RunAsync(rounds: 4);

        var alert = Assert.Single(await h.AlertsAsync());
        Assert.Equal(AlertKinds.ConnectionNeedsAttention, alert.Kind);
        Assert.Contains("Reconnect", alert.Text, StringComparison.OrdinalIgnoreCase);
        Assert.All(await h.CommandsAsync(), c => Assert.Equal(WritebackState.Pending, c.State));
        Assert.Empty(h.Qbo.Deposits);
    }

    [SkippableFact]
    public async Task FaultWithHttp200_PayoutFailedWithEveryErrorAndRetrySendsANewRequestId()
    {
        var h = await StartAsync();
        h.Qbo.FailNextDeposit(QboFault.Fault200);
        var (payout, _) = await h.PayoutAsync("po_fault", 96.22m, Charge(100m, 3.78m));
        await h.RunAsync();

        var view = await h.App.Services.GetRequiredService<PayoutQuery>().FindAsync(h.Practice.Tenant, payout.Id, CancellationToken.None);
        Assert.Equal(PayoutState.Failed, view!.Status);
        Assert.True(view.Errors.Count >= 2, string.Join(" | ", view.Errors));
        Assert.Contains(await h.AlertsAsync(), a => a.Kind == PayoutAlerts.NotPosted);

        await h.App.Services.GetRequiredService<PayoutActions>().RetryAsync(h.Practice.Tenant, AuditActor.System, payout.Id, CancellationToken.None);
        await h.RunAsync();
        Assert.Single(h.Qbo.Deposits);
        var requestIds = h.Qbo.ApiRequests.Where(r => r.Method == "POST" && r.RequestId is not null).Select(r => r.RequestId).Distinct().ToList();
        Assert.Equal(2, requestIds.Count);
        Assert.All(requestIds, id => Assert.True(id!.Length <= 50));
        Assert.Equal(PayoutState.Posted, (await h.ReloadAsync(payout.Id)).Status);
    }

    [SkippableFact]
    public async Task SamePayoutPostedTwice_OnePayoutAndOneDeposit()
    {
        var h = await StartAsync();
        var (first, created) = await h.PayoutAsync("po_twice", 96.22m, Charge(100m, 3.78m, id: "ch_same"));
        var (again, repeat) = await h.PayoutAsync("po_twice", 96.22m, Charge(100m, 3.78m, id: "ch_same"));
        await h.RunAsync();

        Assert.Equal((PayoutIntakeResult.Created, PayoutIntakeResult.Unchanged, first.Id), (created, repeat, again.Id));
        Assert.Single(h.Qbo.Deposits);
    }
}

public sealed class PayoutPostingOnSqlite() : PayoutPostingSuite(DatabaseProvider.Sqlite);

public sealed class PayoutPostingOnPostgres() : PayoutPostingSuite(DatabaseProvider.Postgres);
