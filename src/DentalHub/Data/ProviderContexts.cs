using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DentalHub.Data;

/// <summary>The embedded default: one SQLite file. Its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteDentalHubDb(DbContextOptions<SqliteDentalHubDb> options) : DentalHubDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // SQLite cannot compare or order DateTimeOffset values stored as text; as a UTC-ticks
        // integer they sort and compare natively.
        configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configuration.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>PostgreSQL, selected by configuration. Its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresDentalHubDb(DbContextOptions<PostgresDentalHubDb> options) : DentalHubDb(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Room on each page for a sync's update to stay on the same page (a HOT update): the row's indexes
        // are then left alone, so an incremental run writes pages in proportion to its changes, not to the
        // practice's size. Full pages would move every updated row and rewrite all its index entries.
        modelBuilder.Entity<Patients.Patient>().HasStorageParameter("fillfactor", 90);
        modelBuilder.Entity<Patients.PatientLink>().HasStorageParameter("fillfactor", 90);
    }
}
