using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Data;

/// <summary>
/// Creates database contexts for the configured provider, each bound to a tenant. Options are built
/// once; a context is cheap and short-lived (one per unit of work).
/// </summary>
public sealed class DentalHubDbFactory
{
    private readonly Func<DentalHubDb> create;

    public DentalHubDbFactory(DatabaseSettings settings)
    {
        Settings = settings;
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = new DbContextOptionsBuilder<SqliteDentalHubDb>()
                    .UseSqlite(settings.ConnectionString, o => o.MigrationsAssembly(typeof(DentalHubDb).Assembly.FullName))
                    .AddInterceptors(new SqlitePragmas())
                    .Options;
                create = () => new SqliteDentalHubDb(sqlite);
                break;
            case DatabaseProvider.Postgres:
                var postgres = new DbContextOptionsBuilder<PostgresDentalHubDb>()
                    .UseNpgsql(settings.ConnectionString)
                    .Options;
                create = () => new PostgresDentalHubDb(postgres);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {settings.Provider}.");
        }
    }

    public DatabaseSettings Settings { get; }

    public DentalHubDb Create(TenantScope tenant)
    {
        var db = create();
        db.Tenant = tenant;
        return db;
    }

    /// <summary>A context that sees no tenant rows: for identity, key ring and cross-tenant system work.</summary>
    public DentalHubDb CreateWithoutTenant() => Create(TenantScope.None);
}
