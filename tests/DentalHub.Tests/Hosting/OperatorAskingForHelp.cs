using System.Diagnostics;
using DentalHub.Hosting;
using DentalHub.Tenancy;
using DentalHub.Tests.Infrastructure;

namespace DentalHub.Tests.Hosting;

/// <summary>An operator asks the app what it can do and gets its commands, not a running server; a bad time zone says which are good.</summary>
public sealed class OperatorAskingForHelp
{
    [Fact]
    public async Task DotnetDentalHubDll_WithHelp_PrintsTheOperatorCommandsAndExits()
    {
        var start = new ProcessStartInfo("dotnet", [HubProcess.AppDll(), "--help"])
        {
            WorkingDirectory = Path.GetDirectoryName(HubProcess.AppDll())!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        // A server would never exit on its own: it is stopped and the test fails.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("`dotnet DentalHub.dll --help` started the server instead of printing the commands.");
        }

        Assert.Equal(0, process.ExitCode);
        var text = await output;
        foreach (var command in new[] { "migrate", "create-owner", "time-zones", "--help" })
        {
            Assert.Contains(command, text);
        }
        Assert.DoesNotContain("DentalHub is running", text);
    }

    [Fact]
    public async Task CreateOwner_WithAnUnknownTimeZone_SaysWhichNamesAreValidAndHowToListThem()
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await OperatorCommands.RunAsync(
            ["create-owner", "--email", "owner@example.test", "--name", "Dr. Owner", "--organization", "Group", "--practice", "Downtown", "--time-zone", "America/Chikago"],
            output, errors);

        Assert.Equal(1, exit);
        var said = errors.ToString();
        Assert.Contains("\"America/Chikago\" is not a time zone", said);
        Assert.Contains("America/Chicago", said);
        Assert.Contains("time-zones", said);
    }

    [Fact]
    public async Task TimeZones_ListsNamesCreateOwnerAccepts()
    {
        var output = new StringWriter();

        Assert.Equal(0, await OperatorCommands.RunAsync(["time-zones"], output, TextWriter.Null));

        var zones = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("America/Chicago", zones);
        Assert.All(zones, zone => Assert.True(TimeZones.IsKnown(zone), zone));
    }
}
