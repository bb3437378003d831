namespace DentalHub.Connectors.Tests.NexHealth;

/// <summary>HTTP clients that count the requests they have sent and not yet had answered, so a test clock can wait for them.</summary>
public sealed class CountingHttpClients : IHttpClientFactory, IDisposable
{
    private readonly Counter counter = new(new SocketsHttpHandler());

    public int InFlight => counter.InFlight;

    public HttpClient CreateClient(string name) => new(counter, disposeHandler: false);

    public void Dispose() => counter.Dispose();

    private sealed class Counter(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int inFlight;

        public int InFlight => Volatile.Read(ref inFlight);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref inFlight);
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }
    }
}
