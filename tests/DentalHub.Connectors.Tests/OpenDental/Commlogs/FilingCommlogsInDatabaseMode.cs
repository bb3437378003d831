using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Payments;
using DentalHub.Connectors.Tests.Support;
using static DentalHub.Connectors.Tests.OpenDental.Commlogs.CommlogConnection;

namespace DentalHub.Connectors.Tests.OpenDental.Commlogs;

/// <summary>
/// A database-mode connection files commlogs only through Open Dental's API, as it writes payments: with its API
/// keys it files them, and without them it says what to add.
/// </summary>
public sealed class FilingCommlogsInDatabaseMode : OpenDentalPaymentScenario
{
    private const string NeedsKeys =
        "Writing communication logs needs Open Dental's API keys: add the developer key and customer key to this connection.";

    [Fact]
    public async Task WriteAndFind_NoApiKeys_SayWhichKeysToAdd()
    {
        var writer = DatabaseMode(api: null, NoHttpClients.Instance);

        var outcome = await writer.WriteCommlogAsync(Commlog(), CancellationToken.None);
        var found = await writer.FindWrittenCommlogAsync(Commlog(), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Refused(NeedsKeys), outcome);
        Assert.Equal(new FindOutcome.CouldNotCheck(NeedsKeys), found);
    }

    [Fact]
    public async Task Write_WithApiKeys_FilesThroughTheApi()
    {
        var writer = DatabaseMode(Api, Http);

        var outcome = await writer.WriteCommlogAsync(Commlog(), CancellationToken.None);
        var found = await writer.FindWrittenCommlogAsync(Commlog(), CancellationToken.None);

        var written = Assert.IsType<WriteOutcome.Written>(outcome);
        Assert.Equal(Assert.Single(Api.Commlogs).CommlogNum.ToString(System.Globalization.CultureInfo.InvariantCulture), written.TargetId);
        Assert.Equal(new FindOutcome.Found(written.TargetId), found);
    }
}
