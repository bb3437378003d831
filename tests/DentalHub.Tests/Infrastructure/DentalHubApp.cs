using DentalHub.Connections;
using DentalHub.Connectors;
using DentalHub.Data;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DentalHub.Tests.Infrastructure;

/// <summary>
/// The whole DentalHub app, hosted in the test process on the given database, with the real
/// scheduler, identity and data protection. Sample data is off unless a test turns it on. Given
/// <paramref name="logs"/>, every log entry of the app is captured there too.
/// </summary>
public sealed class DentalHubApp(TestDatabase database, IReadOnlyDictionary<string, string?>? extraSettings = null, CapturedLogs? logs = null)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    public DentalHubDbFactory Databases => Services.GetRequiredService<DentalHubDbFactory>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("SampleData:Enabled", "false");
        // A scheduler name of its own, so clustered PostgreSQL stores of parallel test classes never meet.
        builder.UseSetting("Scheduler:Name", "test-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var (key, value) in Database.Settings)
        {
            builder.UseSetting(key, value);
        }
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddSingleton(
            new AvailableConnectors([.. ConnectorCatalog.All, TestSecretConnector.Descriptor, ScriptedPms.Descriptor])));
        if (logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        }
    }

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
