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
public sealed class PostgresDentalHubDb(DbContextOptions<PostgresDentalHubDb> options) : DentalHubDb(options);
