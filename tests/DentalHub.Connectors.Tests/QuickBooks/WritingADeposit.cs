using DentalHub.Connectors.Contract;
using DentalHub.TestDoubles.QuickBooks;
using static DentalHub.Connectors.Tests.QuickBooks.QuickBooksConnection;

namespace DentalHub.Connectors.Tests.QuickBooks;

public sealed class WritingADeposit : QuickBooksScenario
{
    [Fact]
    public async Task Write_Payout_CreatesOneDepositItemizedToTheBank()
    {
        var outcome = await Connector().WriteDepositAsync(Payout(), CancellationToken.None);

        var deposit = Assert.Single(Qbo.Deposits);
        Assert.Equal(new WriteOutcome.Written(deposit.Id), outcome);
        Assert.Equal(DoubleAccount.Checking, deposit.DepositAccountId);
        Assert.Equal("2026-11-20", deposit.TxnDate);
        Assert.Equal(1163.45m, deposit.TotalAmt);
        Assert.Equal("Stripe payout po_1Double [DentalHub ref po_1Double]", deposit.PrivateNote);
        Assert.Equal(
            [new(DoubleAccount.PatientCardIncome, 1250.00m, "Card payments, gross"), new(DoubleAccount.MerchantFees, -36.55m, "Stripe processing fees"), new(DoubleAccount.PatientRefunds, -50.00m, "Refunds")],
            deposit.Lines);
        var post = Assert.Single(Qbo.ApiRequests, r => r.Method == "POST");
        Assert.Equal("75", post.Query["minorversion"]);
        Assert.Equal("po_1Double-v1", post.RequestId);
        Assert.DoesNotContain("CurrencyRef", Assert.Single(Qbo.DepositBodies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_SameRequestIdTwice_QuickBooksReplaysAndCreatesOneDeposit()
    {
        var connector = Connector();

        var first = await connector.WriteDepositAsync(Payout(), CancellationToken.None);
        var second = await connector.WriteDepositAsync(Payout(), CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(Qbo.Deposits);
        Assert.Equal(2, Qbo.DepositBodies.Count);
    }

    [Fact]
    public async Task ReadDeposit_AfterWrite_HasTheTotalQuickBooksComputedAndTheLines()
    {
        var connector = Connector();
        var written = Assert.IsType<WriteOutcome.Written>(await connector.WriteDepositAsync(Payout(), CancellationToken.None));

        var read = await connector.ReadDepositAsync(written.TargetId, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(Payout().Total, read.Total);
        Assert.Equal(Payout().Lines, read.Lines);
        Assert.Equal(new DateOnly(2026, 11, 20), read.TxnDate);
        Assert.Equal(DoubleAccount.Checking, read.DepositAccountId);
    }

    [Fact]
    public async Task ReadDeposit_DeletedInQuickBooks_IsNull()
    {
        var connector = Connector();
        var written = Assert.IsType<WriteOutcome.Written>(await connector.WriteDepositAsync(Payout(), CancellationToken.None));
        Qbo.DeleteDeposit(written.TargetId);

        Assert.Null(await connector.ReadDepositAsync(written.TargetId, CancellationToken.None));
    }

    [Fact]
    public async Task Write_ManyRandomPayouts_ReadBackTotalEqualsTheLinesToTheCent()
    {
        var random = new Random(20261120);
        var connector = Connector();
        for (var i = 0; i < 40; i++)
        {
            var lines = new List<DepositLine> { new(DoubleAccount.PatientCardIncome, Cents(random, 1, 500_000), "Gross") };
            lines.AddRange(Enumerable.Range(0, random.Next(0, 4)).Select(_ => new DepositLine(DoubleAccount.MerchantFees, -Cents(random, 1, 9_999), "Fee")));
            lines.AddRange(Enumerable.Range(0, random.Next(0, 3)).Select(_ => new DepositLine(DoubleAccount.PatientRefunds, -Cents(random, 1, 20_000), "Refund")));
            var payout = Payout($"po_rand{i}", lines: lines);

            var written = Assert.IsType<WriteOutcome.Written>(await connector.WriteDepositAsync(payout, CancellationToken.None));
            var read = await connector.ReadDepositAsync(written.TargetId, CancellationToken.None);

            Assert.Equal(payout.Total, read!.Total);
            Assert.Equal(payout.Lines, read.Lines);
        }
    }

    [Fact]
    public async Task Write_LineOnAnInactiveAccount_IsRefusedNamingTheAccountAndItsLine()
    {
        var payout = Payout(lines: [new(DoubleAccount.PatientCardIncome, 100m, "Gross"), new(DoubleAccount.InactiveFees, -3m, "Processing fees")]);

        var outcome = await Connector().WriteDepositAsync(payout, CancellationToken.None);

        var refused = Assert.IsType<WriteOutcome.Refused>(outcome);
        Assert.Contains("\"Old Card Processor Fees\" (id 70), used for the line \"Processing fees\", is inactive in QuickBooks", refused.Reason, StringComparison.Ordinal);
        Assert.Contains(refused.Details!, d => d.Contains("code 610", StringComparison.Ordinal));
        Assert.Empty(Qbo.Deposits);
    }

    [Fact]
    public async Task Write_BankAccountMadeInactive_IsRefusedNamingTheBankAccount()
    {
        Qbo.SetActive(DoubleAccount.Checking, false);

        var outcome = await Connector().WriteDepositAsync(Payout(), CancellationToken.None);

        Assert.Contains("\"Checking\" (id 35), used for the bank account deposits go to, is inactive", Assert.IsType<WriteOutcome.Refused>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_FaultWithHttp200_IsRefusedWithEveryError()
    {
        Qbo.FailNextDeposit(QboFault.Fault200);

        var outcome = await Connector().WriteDepositAsync(Payout(), CancellationToken.None);

        var refused = Assert.IsType<WriteOutcome.Refused>(outcome);
        Assert.Equal("QuickBooks refused the deposit.", refused.Reason);
        Assert.Equal(
            [
                "A business validation error has occurred while processing your request: Business Validation Error: The transaction date is in a closed period. (code 6000)",
                "Invalid String: String length is either shorter or longer than supported by specification. Min:0 Max:4000 supplied:4001 (code 2050, field PrivateNote)",
            ],
            refused.Details);
    }

    [Fact]
    public async Task Write_SubscriptionLapsedWithHttp200_IsUnavailableForTheConnection()
    {
        Qbo.FailNextDeposit(QboFault.SubscriptionLapsed);

        var outcome = await Connector().WriteDepositAsync(Payout(), CancellationToken.None);

        Assert.Contains("subscription has ended", Assert.IsType<WriteOutcome.Unavailable>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_Forbidden_IsUnavailableForTheConnection()
    {
        Qbo.FailNextDeposit(QboFault.Forbidden403);

        Assert.IsType<WriteOutcome.Unavailable>(await Connector().WriteDepositAsync(Payout(), CancellationToken.None));
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData(null, 60)]
    public async Task Write_Throttled_IsTryLaterAfterTheWaitQuickBooksAsks(string? retryAfter, int seconds)
    {
        Qbo.ThrottleRetryAfter = retryAfter;
        Qbo.FailNextDeposit(QboFault.Throttled429);

        var outcome = await Connector().WriteDepositAsync(Payout(), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(seconds), Assert.IsType<WriteOutcome.TryLater>(outcome).After);
        Assert.Empty(Qbo.Deposits);
    }

    [Fact]
    public async Task Write_PayoutInAnotherCurrencyWithoutMulticurrency_IsRefusedBeforeSending()
    {
        var outcome = await Connector().WriteDepositAsync(Payout() with { Currency = "cad" }, CancellationToken.None);

        Assert.Contains("The payout is in CAD but this QuickBooks company keeps its books in USD", Assert.IsType<WriteOutcome.Refused>(outcome).Reason, StringComparison.Ordinal);
        Assert.Empty(Qbo.DepositBodies);
    }

    [Fact]
    public async Task Write_CompanyWithMulticurrency_SendsTheCurrency()
    {
        Qbo.MultiCurrency = true;

        await Connector().WriteDepositAsync(Payout(), CancellationToken.None);

        Assert.Equal("USD", Assert.Single(Qbo.Deposits).Currency);
        Assert.Contains("\"CurrencyRef\":{\"value\":\"USD\"}", Assert.Single(Qbo.DepositBodies), StringComparison.Ordinal);
    }

    private static decimal Cents(Random random, int min, int max) => random.Next(min, max) / 100m;
}
