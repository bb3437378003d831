using DentalHub.Data;

namespace DentalHub.Tests.Infrastructure;

/// <summary>A suite whose every test starts its own <see cref="PracticeHost"/> on the suite's database, removed after it.</summary>
public abstract class PracticeHostSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private PracticeHost? host;

    protected PracticeHost Host => host ?? throw new InvalidOperationException("Call StartAsync first.");

    protected async Task StartAsync(string practiceName) => host = await PracticeHost.StartAsync(provider, practiceName);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
