using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Api;
using DentalHub.Connectors.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>
/// Open Dental's schema with 12 plans (on three carriers), 12 coverages (patplan + inssub) and 12 claims, stamped
/// in three seconds, so pages of 5 split runs of equal stamps.
/// </summary>
public sealed class InsuranceContractDatabase : OpenDentalDatabase
{
    public const int Records = 12;

    protected override Task SeedAsync() => ExecuteAsync(string.Join(";", Enumerable.Range(1, Records).SelectMany(i => new[]
    {
        Sql($"INSERT INTO carrier (CarrierNum, CarrierName, SecDateTEdit) VALUES ({i}, 'Carrier {i}', '2024-03-01 10:00:0{i % 3}')"),
        Sql($"INSERT INTO insplan (PlanNum, CarrierNum, GroupName, GroupNum, PlanType, PlanNote, SecDateTEdit) VALUES ({i}, {(i % 3) + 1}, 'Group {i}', 'G{i}', '', '', '2024-03-01 10:00:0{i % 3}')"),
        Sql($"INSERT INTO inssub (InsSubNum, PlanNum, Subscriber, SubscriberID, BenefitNotes, SubscNote, SecDateTEdit) VALUES ({i}, {i}, {100 + i}, 'S{i}', '', '', '2024-03-01 10:00:0{i % 3}')"),
        Sql($"INSERT INTO patplan (PatPlanNum, PatNum, InsSubNum, Ordinal, Relationship, SecDateTEdit) VALUES ({i}, {100 + i}, {i}, 1, 0, '2024-03-01 10:00:0{i % 3}')"),
        Sql($"INSERT INTO claim (ClaimNum, PatNum, PlanNum, InsSubNum, ClaimStatus, ClaimType, ClaimFee, SecDateTEdit) VALUES ({i}, {100 + i}, {i}, {i}, 'S', 'P', 100, '2024-03-01 10:00:0{i % 3}')"),
    })));

    private static string Sql(FormattableString sql) => sql.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The three database-mode insurance contracts read one <see cref="InsuranceContractDatabase"/>.</summary>
[CollectionDefinition(Name)]
public sealed class InsuranceContractCollection : ICollectionFixture<InsuranceContractDatabase>
{
    public const string Name = "Insurance contract database";
}

[Collection(InsuranceContractCollection.Name)]
public sealed class OpenDentalDatabaseInsurancePlanContract(InsuranceContractDatabase database)
    : ChangeFeedContract<PmsInsurancePlan>
{
    protected override string? SkipReason => database.SkipReason;

    protected override int ExpectedRecords => InsuranceContractDatabase.Records;

    protected override IChangeFeed<PmsInsurancePlan> CreateFeed() => Assert.IsAssignableFrom<IReadsInsurance>(database.Connector(pageSize: 5)).InsurancePlans;
}

[Collection(InsuranceContractCollection.Name)]
public sealed class OpenDentalDatabaseCoverageContract(InsuranceContractDatabase database)
    : ChangeFeedContract<PmsCoverage>
{
    protected override string? SkipReason => database.SkipReason;

    protected override int ExpectedRecords => InsuranceContractDatabase.Records;

    protected override IChangeFeed<PmsCoverage> CreateFeed() => Assert.IsAssignableFrom<IReadsInsurance>(database.Connector(pageSize: 5)).Coverages;
}

[Collection(InsuranceContractCollection.Name)]
public sealed class OpenDentalDatabaseClaimContract(InsuranceContractDatabase database)
    : ChangeFeedContract<PmsClaim>
{
    protected override string? SkipReason => database.SkipReason;

    protected override int ExpectedRecords => InsuranceContractDatabase.Records;

    protected override IChangeFeed<PmsClaim> CreateFeed() => Assert.IsAssignableFrom<IReadsClaims>(database.Connector(pageSize: 5)).Claims;
}

/// <summary>
/// The API test double with 130 of each insurance record (two pages of the API's 100), the claims stamped a
/// minute apart on the office's clock as a day of claim work would be.
/// </summary>
public sealed class InsuranceApi : IAsyncLifetime
{
    public const int Records = 130;

    public FakeTimeProvider OfficeClock { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    public OpenDentalApiTestDouble Api { get; private set; } = null!;

    public TestHttpClientFactory Http { get; } = new();

    public async Task InitializeAsync()
    {
        Api = await OpenDentalApiTestDouble.StartAsync(OfficeClock);
        Api.Put("carriers", 1, new Dictionary<string, object?> { ["CarrierNum"] = 1, ["CarrierName"] = "Delta Dental", ["IsHidden"] = "false" });
        for (var i = 1; i <= Records; i++)
        {
            Api.Put("insplans", i, new Dictionary<string, object?>
            {
                ["PlanNum"] = i, ["GroupName"] = $"Group {i}", ["GroupNum"] = $"G{i}", ["PlanType"] = "p", ["EmployerNum"] = 0,
                ["CarrierNum"] = 1, ["IsHidden"] = "false", ["MonthRenew"] = 0,
            });
            Api.Put("inssubs", i, new Dictionary<string, object?>
            {
                ["InsSubNum"] = i, ["PlanNum"] = i, ["Subscriber"] = 100 + i, ["DateEffective"] = "2024-01-01", ["DateTerm"] = "0001-01-01", ["SubscriberID"] = $"S{i}",
            });
            Api.Put("patplans", i, new Dictionary<string, object?>
            {
                ["PatPlanNum"] = i, ["PatNum"] = 100 + i, ["Ordinal"] = 1, ["IsPending"] = "false", ["Relationship"] = "Self", ["InsSubNum"] = i,
            });
            Api.Put("claims", i, new Dictionary<string, object?>
            {
                ["ClaimNum"] = i, ["PatNum"] = 100 + i, ["DateService"] = "2026-02-27", ["DateSent"] = "2026-03-01", ["ClaimStatus"] = "S",
                ["DateReceived"] = "0001-01-01", ["PlanNum"] = i, ["ClaimFee"] = 100.0, ["InsPayEst"] = 80.0, ["InsPayAmt"] = 0.0,
                ["WriteOff"] = 0.0, ["ClaimType"] = "P",
            });
            OfficeClock.Advance(TimeSpan.FromMinutes(1));
        }
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        Http.Dispose();
    }

    public IConnector Connector() => ApiConnection.Connector(Api, Http);
}

public sealed class OpenDentalApiInsurancePlanContract(InsuranceApi fixture) : ChangeFeedContract<PmsInsurancePlan>, IClassFixture<InsuranceApi>
{
    protected override int ExpectedRecords => InsuranceApi.Records;

    // GET /insplans has no change filter: plans are read whole every run.
    protected override bool ReadsOnlyChanges => false;

    protected override IChangeFeed<PmsInsurancePlan> CreateFeed() => Assert.IsAssignableFrom<IReadsInsurance>(fixture.Connector()).InsurancePlans;
}

public sealed class OpenDentalApiCoverageContract(InsuranceApi fixture) : ChangeFeedContract<PmsCoverage>, IClassFixture<InsuranceApi>
{
    protected override int ExpectedRecords => InsuranceApi.Records;

    // GET /patplans has no change filter: coverages are read whole every run.
    protected override bool ReadsOnlyChanges => false;

    protected override IChangeFeed<PmsCoverage> CreateFeed() => Assert.IsAssignableFrom<IReadsInsurance>(fixture.Connector()).Coverages;
}

public sealed class OpenDentalApiClaimContract(InsuranceApi fixture) : ChangeFeedContract<PmsClaim>, IClassFixture<InsuranceApi>
{
    protected override int ExpectedRecords => InsuranceApi.Records;

    // GET /claims answers without serverDateTime: the next read starts at the newest SecDateTEdit seen.
    protected override bool RereadsTheLastChanges => true;

    protected override IChangeFeed<PmsClaim> CreateFeed() => Assert.IsAssignableFrom<IReadsClaims>(fixture.Connector()).Claims;
}
