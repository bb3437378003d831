using System.Text.Json.Nodes;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.NexHealth;
using DentalHub.Connectors.Tests.Support;
using DentalHub.TestDoubles.NexHealth;

namespace DentalHub.Connectors.Tests.NexHealth;

/// <summary>
/// Payments through NexHealth: offered only where NexHealth's parity says it writes them, taken (202) rather than written,
/// found by our transaction_id however many rows they became, and never posted where NexHealth cannot take them now.
/// </summary>
public sealed class PaymentsThroughNexHealth : IAsyncLifetime
{
    private readonly TestHttpClientFactory http = new();
    private NexHealthApiTestDouble api = null!;

    public async Task InitializeAsync()
    {
        api = await NexHealthApiTestDouble.StartAsync();
        api.Put(NexHealthApiTestDouble.Patients, NexHealthRecords.Patient(415, "Ana", "Ruiz", new DateOnly(1990, 4, 2)));
    }

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        http.Dispose();
    }

    [Theory]
    [InlineData("Dentrix Ascend")]
    [InlineData("Curve Dental")]
    [InlineData("Denticon")]
    [InlineData("Cloud 9")]
    [InlineData("Orthotrac")]
    public void Connector_SystemNexHealthWritesNoPaymentsTo_HasNoPaymentWriter(string systemName) =>
        Assert.IsNotAssignableFrom<IWritesPayments>(NexHealthConnection.Unreached(systemName, http));

    [Theory]
    [InlineData("Dentrix")]
    [InlineData("Dentrix Enterprise")]
    [InlineData("Eaglesoft")]
    [InlineData("Open Dental")]
    public void Connector_SystemNexHealthWritesPaymentsTo_WritesPaymentsAndWaitsForIt(string systemName)
    {
        var connector = NexHealthConnection.Unreached(systemName, http);

        Assert.IsAssignableFrom<IWritesPayments>(connector);
        Assert.Equal($"Sent to NexHealth, waiting for {systemName}.", Assert.IsAssignableFrom<IConfirmsWritesLater>(connector).WaitingText);
    }

    [Fact]
    public async Task Write_Payment_AcceptedAsANegativeAmountWithOurTransactionIdAndNamesTheSystem()
    {
        var outcome = await Writer().WritePaymentAsync(Payment("DH-1"), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Accepted("Sent to NexHealth, waiting for Dentrix."), outcome);
        Assert.Equal(1, api.PaymentsTaken);
        Assert.Empty(api.PaymentsWith("DH-1"));
    }

    [Fact]
    public async Task Find_PaymentSplitIntoThreeRows_FoundWhenTheRowsAddUpToIt()
    {
        api.RowsPerPayment = 3;
        var writer = Writer();
        await writer.WritePaymentAsync(Payment("DH-2"), CancellationToken.None);
        var before = await writer.FindWrittenPaymentAsync(Payment("DH-2"), CancellationToken.None);

        await api.RunWriteCycleAsync();
        var found = Assert.IsType<FindOutcome.Found>(await writer.FindWrittenPaymentAsync(Payment("DH-2"), CancellationToken.None));

        Assert.IsType<FindOutcome.NotFound>(before);
        Assert.Equal(3, api.PaymentsWith("DH-2").Count);
        Assert.Equal(-140.01m, api.PaymentsWith("DH-2").Sum(r => decimal.Parse(r["payment_amount"]!["amount"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(3, found.TargetId.Split(',').Length);
    }

    [Fact]
    public async Task Find_OnlyPartOfThePaymentReadSoFar_CannotTellYet()
    {
        await Writer().WritePaymentAsync(Payment("DH-3"), CancellationToken.None);
        await api.RunWriteCycleAsync();
        var row = api.PaymentsWith("DH-3").Single();
        api.Change(NexHealthApiTestDouble.PaymentRows, row["id"]!.GetValue<long>(), r => r["payment_amount"] = new JsonObject { ["amount"] = "-40.00", ["currency"] = "USD" });

        var found = await Writer().FindWrittenPaymentAsync(Payment("DH-3"), CancellationToken.None);

        Assert.Contains("shows 40.00 of 140.01", Assert.IsType<FindOutcome.CouldNotCheck>(found).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_WriteStatusRed_NothingPostedAndTheConnectionWaits()
    {
        api.WriteStatus = "red";

        var outcome = await Writer().WritePaymentAsync(Payment("DH-4"), CancellationToken.None);

        Assert.Contains("cannot write to Dentrix now", Assert.IsType<WriteOutcome.Unavailable>(outcome).Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Requests, r => r.Method == "POST" && r.Path == "/payments");
    }

    [Fact]
    public async Task Write_FinancialEndpointsOff_NothingTakenAndTheConnectionSaysToAskNexHealth()
    {
        api.FinancialsEnabled = false;

        var outcome = await Writer().WritePaymentAsync(Payment("DH-5"), CancellationToken.None);

        Assert.Contains("Ask NexHealth to enable payments", Assert.IsType<WriteOutcome.Unavailable>(outcome).Reason, StringComparison.Ordinal);
        Assert.Equal(0, api.PaymentsTaken);
    }

    [Fact]
    public async Task Write_SyncStatusUnreadable_TryLaterAndNothingPosted()
    {
        api.FailNext(20, System.Net.HttpStatusCode.BadRequest, "Injected failure.");

        var outcome = await Writer().WritePaymentAsync(Payment("DH-6"), CancellationToken.None);

        Assert.IsType<WriteOutcome.TryLater>(outcome);
        Assert.DoesNotContain(api.Requests, r => r.Method == "POST" && r.Path == "/payments");
    }

    [Fact]
    public async Task Write_NoPaymentType_RefusedBeforeSendingAndSaysWhereToChooseOne()
    {
        var outcome = await Writer().WritePaymentAsync(Payment("DH-7") with { PaymentTypeId = null }, CancellationToken.None);

        Assert.Contains("Choose one on the Writeback page", Assert.IsType<WriteOutcome.Refused>(outcome).Reason, StringComparison.Ordinal);
        Assert.Equal(0, api.PaymentsTaken);
    }

    [Fact]
    public async Task ReadPaymentTypes_Dentrix_ReadsNexHealthsTypes()
    {
        var types = await Writer().ReadPaymentTypesAsync(CancellationToken.None);

        Assert.Contains(new PmsPaymentType("10", "Credit Card", false), types);
    }

    private IWritesPayments Writer() => Assert.IsAssignableFrom<IWritesPayments>(NexHealthConnection.Connector(api, http));

    private static PmsPaymentWrite Payment(string reference) =>
        new(reference, "415", 140.01m, new DateOnly(2026, 12, 7), "10", PaymentAllocation.PmsDecides, "Card payment");
}
