using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace DentalHub.TestDoubles.Smtp;

/// <summary>
/// A real SMTP server for tests: Debian's python3-aiosmtpd on a free loopback port, delivering into a
/// Maildir the test reads back. <see cref="SkipReason"/> says why not when the package is missing.
/// </summary>
public sealed class AiosmtpdReceiver : IAsyncDisposable
{
    private readonly Process process;
    private readonly string maildir;

    private AiosmtpdReceiver(Process process, string maildir, int port) => (this.process, this.maildir, Port) = (process, maildir, port);

    public int Port { get; }

    public const string SkipReason = "python3-aiosmtpd is not installed (apt-get install python3-aiosmtpd; .ci/run installs it).";

    /// <summary>The python with aiosmtpd importable, or null. Debian's package installs into /usr/bin/python3's path.</summary>
    public static string? Python { get; } = FindPython();

    public static async Task<AiosmtpdReceiver> StartAsync()
    {
        // Maildir creates its tmp/new/cur only when it makes the folder itself, so it gets a fresh path.
        var maildir = Path.Combine(Directory.CreateTempSubdirectory("dentalhub-mail-").FullName, "Maildir");
        var port = FreePort();
        var start = new ProcessStartInfo(Python!, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        var receiver = new AiosmtpdReceiver(process, maildir, port);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return receiver;
            }
            catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(15) && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>The messages delivered so far (Maildir "new").</summary>
    public IReadOnlyList<MimeMessage> Delivered()
    {
        var folder = Path.Combine(maildir, "new");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Select(f => MimeMessage.Load(f)).ToList() : [];
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Directory.Delete(Path.GetDirectoryName(maildir)!, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindPython()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                using var check = Process.Start(new ProcessStartInfo(candidate, ["-c", "import aiosmtpd"]) { RedirectStandardError = true, RedirectStandardOutput = true });
                if (check is not null && check.WaitForExit(10_000) && check.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not on this machine: try the next.
            }
        }
        return null;
    }
}
