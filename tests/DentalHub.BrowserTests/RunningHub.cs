using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.BrowserTests;

/// <summary>
/// DentalHub served by Kestrel on a free loopback port, on a SQLite folder of its own, with the
/// sample practice seeded as a first run of `dotnet run` would.
/// </summary>
public sealed class RunningHub(IReadOnlyDictionary<string, string?>? extraSettings = null, Action<IServiceCollection>? replaceServices = null)
    : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("dentalhub-browser-").FullName;

    public void UseFreePort() => UseKestrel(0);

    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataFolder", DataFolder);
        builder.UseSetting("SampleData:Enabled", "true");
        // Scenarios sync the sample PMS themselves (and watch it run); the first-run scenario turns this back on.
        builder.UseSetting("SampleData:SyncAtFirstRun", "false");
        builder.UseSetting("Scheduler:Name", "browser-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        if (replaceServices is not null)
        {
            builder.ConfigureTestServices(replaceServices);
        }
    }

    public void Start() => StartServer();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; harmless.
        }
    }
}
