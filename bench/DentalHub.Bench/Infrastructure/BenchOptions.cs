using System.Globalization;
using DentalHub.Data;

namespace DentalHub.Bench.Infrastructure;

/// <summary>
/// <c>[sync|incremental|all|profile|profile-incremental|search|writeback|resources|resources-incremental] [--patients 100000] [--appointments 1000000] [--ledger 2000000] [--runs 3] [--only sqlite|postgres] [--source opendental|memory] [--payments 10000] [--writes 2000] [--rate 50]</c>
/// </summary>
public sealed record BenchOptions(bool InitialSync, bool Incremental, bool Profile, bool Search, int Patients, int Runs, IReadOnlyList<DatabaseProvider> Databases)
{
    public const string Usage =
        "dotnet run -c Release --project bench/DentalHub.Bench -- [sync|incremental|all|profile|profile-incremental|search|writeback|resources|resources-incremental] [--patients 100000] [--appointments 1000000] [--ledger 2000000] [--runs 3] [--only sqlite|postgres] [--source opendental|memory] [--payments 10000] [--writes 2000] [--rate 50]";

    /// <summary>Where an incremental run's time goes, among the small and the large practice.</summary>
    public bool ProfileIncremental { get; init; }

    /// <summary>The writeback benchmark instead of the sync ones.</summary>
    public bool Writeback { get; init; }

    /// <summary>The resources benchmark: appointments and ledger lines through the generic engine.</summary>
    public bool Resources { get; init; }

    /// <summary>Only the incremental part of <c>resources</c> (1,000 changed appointments among N/10 and N).</summary>
    public bool ResourcesIncrementalOnly { get; init; }

    public int Appointments { get; init; } = 1_000_000;

    public int LedgerLines { get; init; } = 2_000_000;

    /// <summary>Payments per writeback measurement.</summary>
    public int Payments { get; init; } = 10_000;

    /// <summary>Writes of each kind per latency measurement (payments, staff notes, adjustments, appointments).</summary>
    public int Writes { get; init; } = 2_000;

    /// <summary>Payments per second offered while writeback latency is measured.</summary>
    public int Rate { get; init; } = 50;

    /// <summary>Incremental sources to measure; both unless --source names one.</summary>
    public bool IncrementalFromOpenDental { get; init; } = true;

    public bool IncrementalFromMemory { get; init; } = true;

    /// <summary>
    /// Incremental runs change this many patients, among Patients / 10 and among Patients: 1,000 at the
    /// standard size; fewer only in a small trial run, where the small practice must hold every run's distinct picks.
    /// </summary>
    public int ChangedPerRun => Math.Min(1000, SmallPractice / (Runs + 2));

    public int SmallPractice => Patients / 10;

    public static BenchOptions Parse(string[] args)
    {
        var mode = "all";
        var patients = 100_000;
        var runs = 3;
        var payments = 10_000;
        var writes = 2_000;
        var rate = 50;
        DatabaseProvider[] databases = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
        string? incrementalSource = null;
        var appointments = 1_000_000;
        var ledger = 2_000_000;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "sync" or "incremental" or "all" or "profile" or "profile-incremental" or "search" or "writeback" or "resources" or "resources-incremental":
                    mode = args[i];
                    break;
                case "--patients":
                    patients = Number(args, ++i, 1000);
                    break;
                case "--appointments":
                    appointments = Number(args, ++i, 10_000);
                    break;
                case "--ledger":
                    ledger = Number(args, ++i, 1_000);
                    break;
                case "--runs":
                    runs = Number(args, ++i, 1);
                    break;
                case "--payments":
                    payments = Number(args, ++i, 100);
                    break;
                case "--writes":
                    writes = Number(args, ++i, 100);
                    break;
                case "--rate":
                    rate = Number(args, ++i, 1);
                    break;
                case "--only":
                    databases = [Enum.Parse<DatabaseProvider>(Value(args, ++i), ignoreCase: true)];
                    break;
                case "--source":
                    incrementalSource = Value(args, ++i);
                    if (incrementalSource is not ("opendental" or "memory"))
                    {
                        throw new ArgumentException($"--source is opendental or memory. Usage: {Usage}");
                    }
                    break;
                default:
                    throw new ArgumentException($"Unknown argument \"{args[i]}\". Usage: {Usage}");
            }
        }
        return new BenchOptions(mode is "sync" or "all", mode is "incremental" or "all", mode is "profile", mode is "search", patients, runs, databases)
        {
            Writeback = mode is "writeback",
            Resources = mode is "resources" or "resources-incremental",
            ResourcesIncrementalOnly = mode is "resources-incremental",
            Appointments = appointments,
            LedgerLines = ledger,
            ProfileIncremental = mode is "profile-incremental",
            Payments = payments,
            Writes = writes,
            Rate = rate,
            IncrementalFromOpenDental = incrementalSource is null or "opendental",
            IncrementalFromMemory = incrementalSource is null or "memory",
        };
    }

    private static string Value(string[] args, int i) =>
        i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value. Usage: {Usage}");

    private static int Number(string[] args, int i, int minimum) =>
        int.TryParse(Value(args, i), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum
            ? n
            : throw new ArgumentException($"{args[i - 1]} must be a whole number of at least {minimum}.");
}
