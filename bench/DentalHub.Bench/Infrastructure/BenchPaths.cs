namespace DentalHub.Bench.Infrastructure;

/// <summary>The repository the bench runs from (for scripts/) and ../shared beside it (for Open Dental's schema).</summary>
public static class BenchPaths
{
    public const string SharedVariable = "DENTALHUB_SHARED";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string OpenDentalSchema
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(SharedVariable);
            var shared = string.IsNullOrWhiteSpace(configured) ? Path.Combine(RepositoryRoot, "..", "shared") : configured;
            var schema = Path.GetFullPath(Path.Combine(shared, "fixtures", "opendental", "blank-schema-21.1.sql"));
            return File.Exists(schema)
                ? schema
                : throw new FileNotFoundException($"Open Dental's schema was not found at {schema}. Put ../shared beside the repository or set {SharedVariable}.");
        }
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DentalHub.slnx")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Run the bench from inside the DentalHub repository (DentalHub.slnx not found).");
    }
}
