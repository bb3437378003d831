namespace DentalHub.Connectors.Launched;

/// <summary>
/// A practice management system with no API DentalHub can call, which opens DentalHub for one of its patients through the
/// launch URLs (`docs/launch-urls.md`). Which systems, and what each lacks, is from `pms-landscape.md`.
/// </summary>
/// <param name="Key">The connector key, also what a launch URL's <c>pms=</c> says.</param>
/// <param name="Name">How staff name the system ("fix the birthdate in Orthotrac").</param>
/// <param name="OpensFrom">Where staff open DentalHub in that system, as its vendor's help says; null where no source says.</param>
public sealed record LaunchedPms(string Key, string Name, string? OpensFrom)
{
    public static LaunchedPms TopsOrtho { get; } = new("topsortho", "topsOrtho", "Off-the-Charts");

    public static LaunchedPms Orthotrac { get; } = new("orthotrac", "Orthotrac", "the Patient Rewards Hub functions of the patient chart");

    public static LaunchedPms WinOms { get; } = new("winoms", "WinOMS", null);

    public static LaunchedPms SenseiCloud { get; } = new("senseicloud", "Sensei Cloud", null);

    public static LaunchedPms Oryx { get; } = new("oryx", "Oryx", null);

    public static LaunchedPms Fuse { get; } = new("fuse", "Fuse", null);

    public static LaunchedPms Dsn { get; } = new("dsn", "DSN", null);

    public static LaunchedPms Dentimax { get; } = new("dentimax", "Dentimax", null);

    public static IReadOnlyList<LaunchedPms> All { get; } = [TopsOrtho, Orthotrac, WinOms, SenseiCloud, Oryx, Fuse, Dsn, Dentimax];
}
