using System.Text.Json;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Payments;
using static DentalHub.Connectors.Tests.OpenDental.Claims.ClaimConnection;

namespace DentalHub.Connectors.Tests.OpenDental.Claims;

/// <summary>
/// A claim marked sent or received in DentalHub is changed through Open Dental's claim endpoints, read first so that a
/// claim already as wanted is left alone and one someone moved since is refused, not overwritten.
/// </summary>
public sealed class UpdatingAClaim : OpenDentalPaymentScenario
{
    [Fact]
    public async Task Write_Received_PutsStatusAndDateReceivedOnlyAndTheNextReadShowsIt()
    {
        AddClaim(Api, 70, status: "S", dateSent: "2026-02-28");

        var outcome = await ApiMode(Api, Http).WriteClaimUpdateAsync(
            Update(70, PmsClaimStatus.Received, PmsClaimStatus.Sent, new DateOnly(2026, 3, 9)), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Written("70"), outcome);
        var change = Assert.Single(Api.ClaimChanges);
        Assert.Equal("claims/70", change.Path);
        using var body = JsonDocument.Parse(change.Body);
        Assert.Equal(["ClaimStatus", "DateReceived"], body.RootElement.EnumerateObject().Select(p => p.Name));
        var claims = await ReadClaimsAsync();
        Assert.Equal((PmsClaimStatus.Received, new DateOnly(2026, 3, 9), new DateOnly(2026, 2, 28)), (claims[0].Status, claims[0].ReceivedOn, claims[0].SentOn));
    }

    [Fact]
    public async Task Write_Sent_UsesTheStatusCallThatRecordsTheDaySent()
    {
        AddClaim(Api, 71);

        var outcome = await ApiMode(Api, Http).WriteClaimUpdateAsync(Update(71), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Written("71"), outcome);
        Assert.Equal("claims/71/Status", Assert.Single(Api.ClaimChanges).Path);
        Assert.Equal([(71L, "2026-03-02")], Api.EtransEntries);
        Assert.Equal(("S", "2026-03-02"), ((string?)Api.ClaimFields(71)!["ClaimStatus"], (string?)Api.ClaimFields(71)!["DateSent"]));
    }

    [Fact]
    public async Task Write_ClaimAlreadyAsWanted_WrittenWithoutSendingAnything()
    {
        AddClaim(Api, 72, status: "S", dateSent: "2026-03-02");

        var outcome = await ApiMode(Api, Http).WriteClaimUpdateAsync(Update(72), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Written("72"), outcome);
        Assert.Equal(0, Api.ClaimWrites.Posts);
        Assert.Empty(Api.EtransEntries);
    }

    [Fact]
    public async Task Write_ClaimMovedInOpenDentalSince_RefusedNotOverwritten()
    {
        AddClaim(Api, 73, status: "R", dateSent: "2026-02-28", dateReceived: "2026-03-05");

        var outcome = await ApiMode(Api, Http).WriteClaimUpdateAsync(Update(73, PmsClaimStatus.Waiting, PmsClaimStatus.Sent), CancellationToken.None);

        var refused = Assert.IsType<WriteOutcome.Refused>(outcome);
        Assert.StartsWith("The claim is now received in Open Dental, not sent as when this change was asked for.", refused.Reason);
        Assert.Equal(0, Api.ClaimWrites.Posts);
    }

    [Fact]
    public async Task Write_ClaimNotInOpenDental_RefusedBeforeAnythingIsSent()
    {
        var outcome = await ApiMode(Api, Http).WriteClaimUpdateAsync(Update(74), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Refused("Open Dental has no such claim any more; it may have been deleted there."), outcome);
        Assert.Equal(0, Api.ClaimWrites.Posts);
    }

    [Fact]
    public async Task Write_Throttled_TryLaterWithRetryAfterAndNothingChanged()
    {
        AddClaim(Api, 75);
        Api.ClaimWrites.FailNext(PaymentFault.Status429);

        var outcome = await ApiMode(Api, Http).WriteClaimUpdateAsync(Update(75), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(30), Assert.IsType<WriteOutcome.TryLater>(outcome).After);
        Assert.Empty(Api.ClaimChanges);
    }

    [Fact]
    public async Task Write_KeysRefusedOnThePut_UnavailableAndNothingChanged()
    {
        AddClaim(Api, 76);
        Api.ClaimWrites.FailNext(PaymentFault.Status401);

        var outcome = await ApiMode(Api, Http).WriteClaimUpdateAsync(Update(76), CancellationToken.None);

        Assert.IsType<WriteOutcome.Unavailable>(outcome);
        Assert.Empty(Api.ClaimChanges);
    }

    [Fact]
    public async Task Write_DatabaseModeWithoutKeys_RefusedSayingWhatToAdd()
    {
        var connector = PaymentConnection.DatabaseModeConnector(null, Http);

        var outcome = await DatabaseMode(null, Http).WriteClaimUpdateAsync(Update(77), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Refused("Updating claims needs Open Dental's API keys: add the developer key and customer key to this connection."), outcome);
        Assert.StartsWith("add Open Dental's API keys", connector.MissingFor(typeof(IWritesClaimUpdates)));
    }

    [Fact]
    public async Task DoublePut_FieldTheDocumentationDoesNotList_Refused()
    {
        AddClaim(Api, 78);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{Api.BaseUrl}/claims/78")
        {
            Content = new StringContent("{\"DateSent\":\"2026-03-02\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", $"ODFHIR {OpenDentalApiTestDouble.DeveloperKey}/{OpenDentalApiTestDouble.CustomerKey}");

        using var response = await http.SendAsync(request);

        Assert.Equal((400, "DateSent cannot be updated."), ((int)response.StatusCode, await response.Content.ReadAsStringAsync()));
    }

    private async Task<List<PmsClaim>> ReadClaimsAsync()
    {
        var claims = new List<PmsClaim>();
        var reader = Assert.IsAssignableFrom<IReadsClaims>(PaymentConnection.ApiModeConnector(Api, Http));
        await foreach (var page in reader.Claims.ReadChangedSince(null, CancellationToken.None))
        {
            claims.AddRange(page.Rows);
        }
        return claims;
    }
}
