using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DentalHub.Data;

// Used only by `dotnet ef migrations add`, one per provider; never at run time.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDentalHubDb>
{
    public SqliteDentalHubDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDentalHubDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDentalHubDb>
{
    public PostgresDentalHubDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDentalHubDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
