using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DentalHub.Tests.Infrastructure;

/// <summary>
/// DentalHub run as its own OS process (<c>dotnet DentalHub.dll</c> from the app's build output, the
/// same configuration as these tests) on a loopback port, so a test can kill it with SIGKILL and
/// start it again on the same database.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    private readonly Process process;

    private HubProcess(Process process, Uri baseUrl) => (this.process, BaseUrl) = (process, baseUrl);

    public Uri BaseUrl { get; }

    public static async Task<HubProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [AppDll()])
        {
            WorkingDirectory = Path.GetDirectoryName(AppDll())!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["SampleData__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start)!;
        // Drain the pipes so the app never blocks on a full one.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var hub = new HubProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var probe = new HttpClient { BaseAddress = hub.BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var health = await probe.GetAsync("/health");
                return hub;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && waited.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>SIGKILL: no shutdown, no finally blocks, nothing flushed; as a crash or a power cut.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }
        process.Dispose();
    }

    /// <summary>The app as built beside this test project, for running it as `dotnet DentalHub.dll`.</summary>
    public static string AppDll()
    {
        // tests/DentalHub.Tests/bin/{Configuration}/{framework}/ → src/DentalHub/bin/{Configuration}/{framework}/DentalHub.dll
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "DentalHub.slnx")))
        {
            root = root.Parent;
        }
        return Path.Combine(root?.FullName ?? throw new InvalidOperationException("The repository root (DentalHub.slnx) was not found."),
            "src", "DentalHub", "bin", configuration, framework, "DentalHub.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
