using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Api;
using DentalHub.Connectors.Tests.Support;
using static DentalHub.Connectors.Tests.OpenDental.Payments.PaymentConnection;

namespace DentalHub.Connectors.Tests.OpenDental.Payments;

/// <summary>
/// A database-mode connection reads the office's database but writes payments only through Open
/// Dental's API (Open Dental forbids third-party database writes): with its API keys it writes, and
/// without them it says what to add.
/// </summary>
public sealed class WritingPaymentsInDatabaseMode : OpenDentalPaymentScenario
{
    private const string NeedsKeys =
        "Writing payments needs Open Dental's API keys: add the developer key and customer key to this connection.";

    [Fact]
    public async Task Write_NoApiKeys_IsRefusedSayingWhichKeysToAdd()
    {
        var outcome = await DatabaseMode(api: null, NoHttpClients.Instance).WritePaymentAsync(Payment(), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Refused(NeedsKeys), outcome);
    }

    [Fact]
    public async Task FindAndReadTypes_NoApiKeys_SayWhichKeysToAdd()
    {
        var writer = DatabaseMode(api: null, NoHttpClients.Instance);

        var found = await writer.FindWrittenPaymentAsync(Payment(), CancellationToken.None);
        var error = await Assert.ThrowsAsync<OpenDentalApiException>(() => writer.ReadPaymentTypesAsync(CancellationToken.None));

        Assert.Equal(new FindOutcome.CouldNotCheck(NeedsKeys), found);
        Assert.Equal(NeedsKeys, error.Message);
    }

    [Fact]
    public void WhatItLacks_NoApiKeys_ReadsButNeedsTheKeysToWritePayments()
    {
        var connector = (IConnector)DatabaseMode(api: null, NoHttpClients.Instance);

        Assert.Null(connector.MissingFor(typeof(IReadsPatients)));
        Assert.Equal(
            "add Open Dental's API keys (developer key and customer key) to this connection; Open Dental accepts payments only through its API",
            connector.MissingFor(typeof(IWritesPayments)));
    }

    [Fact]
    public void WhatItLacks_WithApiKeys_Nothing()
    {
        var connector = (IConnector)DatabaseMode(Api, Http);

        Assert.Null(connector.MissingFor(typeof(IWritesPayments)));
        Assert.Null(connector.MissingFor(typeof(IReadsPatients)));
    }

    [Fact]
    public async Task Write_WithApiKeys_WritesThroughTheApi()
    {
        var writer = DatabaseMode(Api, Http);

        var outcome = await writer.WritePaymentAsync(Payment(), CancellationToken.None);
        var found = await writer.FindWrittenPaymentAsync(Payment(), CancellationToken.None);

        var payment = Assert.Single(Api.Payments);
        var written = Assert.IsType<WriteOutcome.Written>(outcome);
        Assert.Equal(payment.PayNum.ToString(System.Globalization.CultureInfo.InvariantCulture), written.TargetId);
        Assert.Equal(new FindOutcome.Found(written.TargetId), found);
    }
}
