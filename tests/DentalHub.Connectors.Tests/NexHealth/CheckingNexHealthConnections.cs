using System.Net;
using DentalHub.Connectors.NexHealth;
using DentalHub.Connectors.Tests.Support;
using DentalHub.TestDoubles.NexHealth;

namespace DentalHub.Connectors.Tests.NexHealth;

/// <summary>A person adds "Dentrix through NexHealth" and presses "check": each mistake is named with what to fix.</summary>
public sealed class CheckingNexHealthConnections : IDisposable
{
    private readonly TestHttpClientFactory http = new();

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task Check_EverythingRight_NamesTheSystemThePracticeAndTheLastRead()
    {
        await using var api = await NexHealthApiTestDouble.StartAsync();
        api.ReadStatusAt = new DateTimeOffset(2026, 3, 2, 14, 55, 0, TimeSpan.Zero);

        var result = await NexHealthConnection.Connector(api, http).CheckConnectionAsync(CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(
            "Connected to Dentrix through NexHealth (practice \"bright-smiles\", location 7). NexHealth last read from Dentrix at 2026-03-02 14:55 UTC.",
            result.Message);
    }

    [Fact]
    public async Task Check_KeyRefused_SaysSoAndTriesOnce()
    {
        await using var api = await NexHealthApiTestDouble.StartAsync();

        var result = await NexHealthConnection.Connector(api, http, apiKey: "revoked-key").CheckConnectionAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("NexHealth refused the API key.", result.Message, StringComparison.Ordinal);
        Assert.Equal(401, Assert.Single(api.Requests).Status);
    }

    [Fact]
    public async Task Check_PracticeTheKeyCannotReach_NamesTheSubdomain()
    {
        await using var api = await NexHealthApiTestDouble.StartAsync();

        var result = await NexHealthConnection.Connector(api, http, subdomain: "brite-smiles").CheckConnectionAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("NexHealth's API key cannot reach the practice \"brite-smiles\".", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_LocationNotInThePractice_NamesTheLocation()
    {
        await using var api = await NexHealthApiTestDouble.StartAsync();

        var result = await NexHealthConnection.Connector(api, http, locationId: 8).CheckConnectionAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("NexHealth's practice \"bright-smiles\" has no location 8 that your API key reaches.", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AnotherSystemBehindNexHealth_NamesTheConnectionToAddInstead()
    {
        await using var api = await NexHealthApiTestDouble.StartAsync(flavour: NexHealthFlavour.Eaglesoft);

        var result = await NexHealthConnection.Connector(api, http).CheckConnectionAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(
            "NexHealth says location 7 of \"bright-smiles\" runs Eaglesoft, not Dentrix. Add the connection as \"Eaglesoft through NexHealth\" instead.",
            result.Message);
    }

    [Fact]
    public async Task Check_SyncNoLongerReading_SaysSinceWhenAndWhatToLookAt()
    {
        await using var api = await NexHealthApiTestDouble.StartAsync();
        api.ReadStatus = "red";
        api.ReadStatusAt = new DateTimeOffset(2026, 3, 1, 22, 10, 0, TimeSpan.Zero);

        var result = await NexHealthConnection.Connector(api, http).CheckConnectionAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("NexHealth has stopped reading from Dentrix for location 7 (its read status is red since 2026-03-01 22:10 UTC).", result.Message, StringComparison.Ordinal);
        Assert.Contains("Synchronizer", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WritesRedReadsGreen_ConnectsAndSaysWritesCannotReachTheSystem()
    {
        await using var api = await NexHealthApiTestDouble.StartAsync();
        api.WriteStatus = "red";
        api.WriteStatusAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        var result = await NexHealthConnection.Connector(api, http).CheckConnectionAsync(CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.EndsWith("NexHealth cannot write to Dentrix now (its write status is red since 2026-03-02 09:00 UTC).", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_FailureInsideASuccessfulAnswer_IsAFailureWithNexHealthsWords()
    {
        await using var api = await NexHealthApiTestDouble.StartAsync();
        api.FailNext(1, HttpStatusCode.OK, "Sync service unavailable");

        var result = await NexHealthConnection.Connector(api, http).CheckConnectionAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("NexHealth's API reported a failure: Sync service unavailable. The next sync will try again.", result.Message);
    }

    [Fact]
    public async Task Read_KeyRefused_ThrowsTheSameMessage()
    {
        await using var api = await NexHealthApiTestDouble.StartAsync();

        var error = await Assert.ThrowsAsync<NexHealthApiException>(
            () => NexHealthConnection.Connector(api, http, apiKey: "revoked-key").Patients().ReadAllAsync(cursor: null));

        Assert.StartsWith("NexHealth refused the API key.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_LocationNotANumber_SaysWhatALocationIdLooksLike()
    {
        var error = Assert.Throws<DentalHub.Connectors.Contract.ConnectorConfigurationException>(() => NexHealthConnector.Descriptors[0].Create(new(
            new(new Dictionary<string, string> { [NexHealthConnector.SubdomainField] = "x", [NexHealthConnector.LocationIdField] = "Main St" },
                new Dictionary<string, string> { [NexHealthConnector.ApiKeyField] = "k" }),
            TimeProvider.System, http)));

        Assert.StartsWith("Location id \"Main St\" is not a NexHealth location id", error.Message, StringComparison.Ordinal);
    }
}
