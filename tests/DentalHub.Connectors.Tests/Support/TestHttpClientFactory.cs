namespace DentalHub.Connectors.Tests.Support;

/// <summary>Hands connectors HttpClients over one handler, as the host's factory would.</summary>
public sealed class TestHttpClientFactory : IHttpClientFactory, IDisposable
{
    private readonly SocketsHttpHandler handler = new();

    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);

    public void Dispose() => handler.Dispose();
}

/// <summary>For connectors that must not use HTTP (Open Dental's database mode): asking is a bug.</summary>
public sealed class NoHttpClients : IHttpClientFactory
{
    public static NoHttpClients Instance { get; } = new();

    public HttpClient CreateClient(string name) => throw new InvalidOperationException("This connector should not make HTTP requests.");
}
