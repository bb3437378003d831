using DentalHub.Auth;
using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Tests.Tenancy;

public sealed class TenantFilterCoverageTests
{
    /// <summary>
    /// Entities that belong to no tenant, each with the reason. Anything else in the model must be
    /// tenant-owned and filtered.
    /// </summary>
    private static readonly Dictionary<Type, string> Global = new()
    {
        [typeof(StaffUser)] = "a person can work in practices of several organizations; access comes from memberships",
        [typeof(IdentityUserClaim<string>)] = "part of the person's identity",
        [typeof(IdentityUserLogin<string>)] = "part of the person's identity",
        [typeof(IdentityUserToken<string>)] = "part of the person's identity (authenticator key)",
        [typeof(DataProtectionKey)] = "the key ring that encrypts every tenant's secrets",
    };

    public static TheoryData<string> Providers => new() { nameof(SqliteDentalHubDb), nameof(PostgresDentalHubDb) };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Model_EveryEntity_IsTenantFilteredOrListedAsGlobal(string provider)
    {
        using var db = CreateContext(provider);
        Assert.Empty(CoverageProblems(db.Model));
    }

    [Fact]
    public void CoverageCheck_TenantEntityWithoutFilter_IsReported()
    {
        using var db = new UnfilteredContext();
        Assert.Contains("Connection is tenant-owned but has no query filter", CoverageProblems(db.Model));
    }

    private static List<string> CoverageProblems(Microsoft.EntityFrameworkCore.Metadata.IModel model)
    {
        var problems = new List<string>();
        foreach (var entity in model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            var owned = typeof(IPracticeOwned).IsAssignableFrom(entity.ClrType)
                || typeof(IOrganizationOwned).IsAssignableFrom(entity.ClrType)
                || entity.ClrType == typeof(Organization);
            if (owned && entity.GetDeclaredQueryFilters().Count == 0)
            {
                problems.Add($"{entity.ClrType.Name} is tenant-owned but has no query filter");
            }
            if (!owned && !Global.ContainsKey(entity.ClrType))
            {
                problems.Add($"{entity.ClrType.Name} is neither tenant-owned nor listed as global");
            }
        }
        return problems;
    }

    /// <summary>A context that forgets the filters, to prove the coverage check notices.</summary>
    private sealed class UnfilteredContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=:memory:");

        protected override void OnModelCreating(ModelBuilder builder) => builder.Entity<DentalHub.Connections.Connection>();
    }

    private static DentalHubDb CreateContext(string provider) => provider switch
    {
        nameof(SqliteDentalHubDb) => new SqliteDentalHubDb(new DbContextOptionsBuilder<SqliteDentalHubDb>().UseSqlite("Data Source=:memory:").Options),
        _ => new PostgresDentalHubDb(new DbContextOptionsBuilder<PostgresDentalHubDb>().UseNpgsql("Host=unused").Options),
    };
}
