using DentalHub.Data;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Tests.Persistence;

/// <summary>
/// A change to an entity or its configuration needs a migration for each database; without one the app
/// would start on a schema that does not match its model. No server is needed to compare them.
/// </summary>
public sealed class MigrationsHoldTheModel
{
    [Fact]
    public void SqliteModel_ComparedWithItsMigrations_HasNoPendingChanges()
    {
        using var db = new SqliteDentalHubDb(new DbContextOptionsBuilder<SqliteDentalHubDb>()
            .UseSqlite("Data Source=:memory:", o => o.MigrationsAssembly(typeof(DentalHubDb).Assembly.FullName)).Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no SQLite migration holds: run `dotnet ef migrations add` for Migrations/Sqlite.");
    }

    [Fact]
    public void PostgresModel_ComparedWithItsMigrations_HasNoPendingChanges()
    {
        using var db = new PostgresDentalHubDb(new DbContextOptionsBuilder<PostgresDentalHubDb>().UseNpgsql("Host=localhost;Database=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no PostgreSQL migration holds: run `dotnet ef migrations add` for Migrations/Postgres.");
    }

}
