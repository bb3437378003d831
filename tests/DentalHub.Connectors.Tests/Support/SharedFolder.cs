namespace DentalHub.Connectors.Tests.Support;

/// <summary>
/// Finds <c>../shared</c>, the folder of published fixtures that sits beside the project on every
/// developer machine and in CI. DENTALHUB_SHARED overrides it.
/// </summary>
public static class SharedFolder
{
    public const string Variable = "DENTALHUB_SHARED";

    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DentalHub.slnx"))
                || File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
            }
        }
        return null;
    }

    public static string? OpenDentalSchema() =>
        Find() is { } shared ? Path.Combine(shared, "fixtures", "opendental", "blank-schema-21.1.sql") : null;
}
