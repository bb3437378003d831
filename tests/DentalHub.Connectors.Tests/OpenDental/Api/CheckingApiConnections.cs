using System.Net;
using System.Net.Sockets;
using DentalHub.Connectors.OpenDental.Api;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.OpenDental.Api;

/// <summary>A person sets up an API connection and presses "check": each mistake gets a message that says what to fix.</summary>
public sealed class CheckingApiConnections : IDisposable
{
    private const string KeysRefused =
        "Open Dental refused the API keys: check the developer key and customer key, and that the customer key is enabled in Setup > Advanced Setup > API.";

    private readonly TestHttpClientFactory http = new();

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task Check_GoodKeys_Succeeds()
    {
        await using var api = await OpenDentalApiTestDouble.StartAsync();

        var result = await ApiConnection.Connector(api, http).CheckConnectionAsync(CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("1", Assert.Single(api.Requests).Query["Limit"]);
    }

    [Fact]
    public async Task Check_WrongCustomerKey_SaysTheKeysWereRefusedWithoutRetrying()
    {
        await using var api = await OpenDentalApiTestDouble.StartAsync();

        var result = await ApiConnection.Connector(api, http, customerKey: "disabled-key").CheckConnectionAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(KeysRefused, result.Message);
        Assert.Equal(401, Assert.Single(api.Requests).Status);
    }

    [Fact]
    public async Task Read_WrongCustomerKey_ThrowsTheSameMessageWithoutRetrying()
    {
        await using var api = await OpenDentalApiTestDouble.StartAsync();

        var error = await Assert.ThrowsAsync<OpenDentalApiException>(
            () => ApiConnection.Connector(api, http, customerKey: "disabled-key").Patients().ReadAllAsync(cursor: null));

        Assert.Equal(KeysRefused, error.Message);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task Check_WrongApiPath_SaysTheApiWasNotFoundThere()
    {
        await using var api = await OpenDentalApiTestDouble.StartAsync();
        var wrong = api.BaseUrl.ToString().Replace("/api/v1", "/api/v9", StringComparison.Ordinal);

        var result = await ApiConnection.Connector(api, http, baseUrl: wrong).CheckConnectionAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith($"Open Dental's API was not found at {wrong}. Check the API address", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NothingListening_SaysTheApiCouldNotBeReached()
    {
        await using var api = await OpenDentalApiTestDouble.StartAsync();
        var closed = $"http://127.0.0.1:{UnusedPort()}/api/v1";

        var result = await ApiConnection.Connector(api, http, baseUrl: closed).CheckConnectionAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith($"DentalHub could not reach Open Dental's API at {closed}.", result.Message, StringComparison.Ordinal);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
