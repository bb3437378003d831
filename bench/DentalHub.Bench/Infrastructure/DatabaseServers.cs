using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DentalHub.Bench.Infrastructure;

/// <summary>
/// The PostgreSQL and MariaDB servers a run needs: the ones named by DENTALHUB_TEST_POSTGRES /
/// DENTALHUB_TEST_MARIADB when set, otherwise throwaway servers started with the repository's
/// scripts/start-*.sh and stopped again (scripts/stop-databases.sh) when the run ends.
/// </summary>
public sealed partial class DatabaseServers(string repositoryRoot) : IAsyncDisposable
{
    public const string PostgresVariable = "DENTALHUB_TEST_POSTGRES";
    public const string MariaDbVariable = "DENTALHUB_TEST_MARIADB";

    // The directory variables the start scripts export, for the servers this run started itself.
    private readonly Dictionary<string, string> startedDirectories = [];

    public string PostgresServer { get; private set; } = "";
    public string MariaDbServer { get; private set; } = "";

    public async Task StartAsync(bool needPostgres, CancellationToken cancellationToken, bool needMariaDb = true)
    {
        if (needMariaDb)
        {
            MariaDbServer = await EnsureAsync(MariaDbVariable, "start-mariadb.sh", "DENTALHUB_MARIADB_DIR", cancellationToken);
        }
        if (needPostgres)
        {
            PostgresServer = await EnsureAsync(PostgresVariable, "start-postgres.sh", "DENTALHUB_PG_DIR", cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (startedDirectories.Count == 0)
        {
            return;
        }
        Console.WriteLine($"Stopping the servers this run started ({string.Join(", ", startedDirectories.Keys)}).");
        // Only our own directory variables reach the stop script, so a server it did not start is never touched.
        var environment = new Dictionary<string, string?> { ["DENTALHUB_PG_DIR"] = null, ["DENTALHUB_MARIADB_DIR"] = null };
        foreach (var (name, value) in startedDirectories)
        {
            environment[name] = value;
        }
        await RunScriptAsync("stop-databases.sh", environment, CancellationToken.None);
        startedDirectories.Clear();
    }

    private async Task<string> EnsureAsync(string variable, string script, string directoryVariable, CancellationToken cancellationToken)
    {
        var existing = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(existing))
        {
            Console.WriteLine($"Using {variable} from the environment.");
            return existing;
        }
        Console.WriteLine($"Starting a throwaway server: scripts/{script}");
        var output = await RunScriptAsync(script, new Dictionary<string, string?>(), cancellationToken);
        var exports = ExportLine().Matches(output).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        if (exports.TryGetValue(directoryVariable, out var directory))
        {
            startedDirectories[directoryVariable] = directory;
        }
        return exports.TryGetValue(variable, out var server)
            ? server
            : throw new InvalidOperationException($"scripts/{script} did not start a server (are its binaries installed?). Set {variable} to use an existing one.");
    }

    private async Task<string> RunScriptAsync(string script, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(repositoryRoot, "scripts", script)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = repositoryRoot,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run scripts/{script}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/{script} failed (exit {process.ExitCode}):\n{await stderr}");
        }
        return await stdout;
    }

    [GeneratedRegex(@"^export (\w+)='([^']*)'$", RegexOptions.Multiline)]
    private static partial Regex ExportLine();
}
