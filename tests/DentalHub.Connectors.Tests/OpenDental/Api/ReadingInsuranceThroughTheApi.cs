using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Connectors.Tests.OpenDental.Api;

/// <summary>
/// Reading plans, coverages and claims through Open Dental's API: lists joined per read (never a call per
/// record), fields as the API spells them, and claims continued from their own SecDateTEdit.
/// </summary>
public sealed class ReadingInsuranceThroughTheApi : IDisposable
{
    private readonly TestHttpClientFactory http = new();

    public void Dispose() => http.Dispose();

    private static Dictionary<string, object?> Benefit(long num, long plan, string type, double amount, string period = "CalendarYear",
        string level = "Individual", long covCat = 0) => new()
    {
        ["BenefitNum"] = num, ["PlanNum"] = plan, ["PatPlanNum"] = 0, ["CovCatNum"] = covCat, ["BenefitType"] = type, ["Percent"] = -1,
        ["MonetaryAmt"] = amount, ["TimePeriod"] = period, ["QuantityQualifier"] = "None", ["Quantity"] = 0, ["CodeNum"] = 0,
        ["procCode"] = "", ["CoverageLevel"] = level,
    };

    private static Dictionary<string, object?> Claim(long num, string status, double paid) => new()
    {
        ["ClaimNum"] = num, ["PatNum"] = 101, ["DateService"] = "2026-02-10", ["DateSent"] = status == "U" ? "0001-01-01" : "2026-02-12",
        ["ClaimStatus"] = status, ["DateReceived"] = status == "R" ? "2026-03-02" : "0001-01-01", ["PlanNum"] = 10, ["ClaimFee"] = 300.0,
        ["InsPayEst"] = 240.0, ["InsPayAmt"] = paid, ["DedApplied"] = 0.0, ["ClaimType"] = "P", ["WriteOff"] = status == "R" ? 45.25 : 0.0,
        ["InsSubNum"] = "201", ["InsSubNum2"] = "0",
    };

    [Fact]
    public async Task ReadPlans_150PlansWithCarrierEmployerAndBenefits_JoinedFromOneReadOfEachList()
    {
        await using var api = await OpenDentalApiTestDouble.StartAsync();
        api.Put("carriers", 1, new Dictionary<string, object?> { ["CarrierNum"] = 1, ["CarrierName"] = "Delta Dental", ["ElectID"] = "54651", ["IsHidden"] = "false" });
        api.Put("employers", 23, new Dictionary<string, object?> { ["EmployerNum"] = 23, ["EmpName"] = "Acme Corp" });
        for (var plan = 1; plan <= 150; plan++)
        {
            api.Put("insplans", plan, new Dictionary<string, object?>
            {
                ["PlanNum"] = plan, ["GroupName"] = "Acme Dental", ["GroupNum"] = $"G{plan}", ["PlanNote"] = "", ["FeeSched"] = 0, ["PlanType"] = plan == 2 ? "" : "p",
                ["EmployerNum"] = plan == 2 ? 0 : 23, ["CarrierNum"] = 1, ["CodeSubstNone"] = "false", ["IsHidden"] = plan == 2 ? "true" : "false", ["MonthRenew"] = 0,
            });
        }
        api.Put("benefits", 1, Benefit(1, 1, "Limitations", 1500.0));
        api.Put("benefits", 2, Benefit(2, 1, "Deductible", 50.0));
        api.Put("benefits", 3, Benefit(3, 1, "Limitations", 3000.0, level: "Family"));
        api.Put("benefits", 4, Benefit(4, 1, "Limitations", 2000.0, period: "Lifetime", covCat: 12));
        api.Put("benefits", 5, Benefit(5, 1, "Deductible", -1.0));
        api.Put("benefits", 6, Benefit(6, 2, "Limitations", -1.0));

        var plans = (await Assert.IsAssignableFrom<IReadsInsurance>(ApiConnection.Connector(api, http)).InsurancePlans.ReadAllAsync()).Rows();

        Assert.Equal(150, plans.Count);
        Assert.Equal(new PmsInsurancePlan("1", "Delta Dental", "1", "Acme Dental", "G1", "Acme Corp", "PPO Percentage", 1500m, 50m, IsHidden: false),
            plans.Single(p => p.PmsId == "1"));
        Assert.Equal(new PmsInsurancePlan("2", "Delta Dental", "1", "Acme Dental", "G2", null, "Percentage", null, null, IsHidden: true),
            plans.Single(p => p.PmsId == "2"));
        Assert.Equal(
            [("/api/v1/benefits", 1), ("/api/v1/carriers", 1), ("/api/v1/employers", 1), ("/api/v1/insplans", 2)],
            api.Requests.GroupBy(r => r.Path).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())));
    }

    [Fact]
    public async Task ReadCoverages_PatPlansOfAFamily_CarryTheirSubscriptionsAndNoBenefitsUsed()
    {
        await using var api = await OpenDentalApiTestDouble.StartAsync();
        api.Put("inssubs", 201, new Dictionary<string, object?>
        {
            ["InsSubNum"] = 201, ["PlanNum"] = 10, ["Subscriber"] = 101, ["DateEffective"] = "2020-01-01", ["DateTerm"] = "0001-01-01",
            ["SubscriberID"] = "DD123", ["BenefitNotes"] = "", ["ReleaseInfo"] = "true", ["AssignBen"] = "true", ["SubscNote"] = "",
        });
        api.Put("inssubs", 203, new Dictionary<string, object?>
        {
            ["InsSubNum"] = 203, ["PlanNum"] = 10, ["Subscriber"] = 104, ["DateEffective"] = "2019-01-01", ["DateTerm"] = "2023-12-31", ["SubscriberID"] = "DD777",
        });
        foreach (var (num, patNum, sub, ordinal, relationship) in new[] { (301L, 101L, 201L, 1, "Self"), (302, 103, 201, 1, "Child"), (304, 104, 203, 1, "Self"), (306, 105, 201, 2, "SignifOther") })
        {
            api.Put("patplans", num, new Dictionary<string, object?>
            {
                ["PatPlanNum"] = num, ["PatNum"] = patNum, ["Ordinal"] = ordinal, ["IsPending"] = "false", ["Relationship"] = relationship, ["PatID"] = "",
                ["InsSubNum"] = sub, ["OrthoAutoFeeBilledOverride"] = -1.0, ["OrthoAutoNextClaimDate"] = "0001-01-01",
            });
        }

        var coverages = (await Assert.IsAssignableFrom<IReadsInsurance>(ApiConnection.Connector(api, http)).Coverages.ReadAllAsync()).Rows();

        Assert.Equal(new PmsCoverage("302", "103", "10", "101", "DD123", 1, PmsRelationship.Child, new DateOnly(2020, 1, 1), null, null, null),
            coverages.Single(c => c.PmsId == "302"));
        Assert.Equal(new DateOnly(2023, 12, 31), coverages.Single(c => c.PmsId == "304").TerminatesOn);
        Assert.Equal((2, PmsRelationship.Other), (coverages.Single(c => c.PmsId == "306").Priority, coverages.Single(c => c.PmsId == "306").Relationship));
        Assert.Equal(["/api/v1/inssubs", "/api/v1/patplans"], api.Requests.Select(r => r.Path).Order());
    }

    [Fact]
    public async Task ReadClaims_PartlyPaidAndUnsent_AmountsToTheCentAndNoDateForNone()
    {
        await using var api = await OpenDentalApiTestDouble.StartAsync();
        api.Put("claims", 401, Claim(401, "R", 180.5));
        api.Put("claims", 402, Claim(402, "U", 0.0));

        var claims = (await Assert.IsAssignableFrom<IReadsClaims>(ApiConnection.Connector(api, http)).Claims.ReadAllAsync()).Rows();

        Assert.Equal(new PmsClaim("401", "101", "10", PmsClaimStatus.Received, "Primary", new DateOnly(2026, 2, 10), new DateOnly(2026, 2, 12),
            new DateOnly(2026, 3, 2), 300m, 240m, 180.50m, 45.25m), claims.Single(c => c.PmsId == "401"));
        var unsent = claims.Single(c => c.PmsId == "402");
        Assert.Equal((PmsClaimStatus.Unsent, (DateOnly?)null, (DateOnly?)null, 0m), (unsent.Status, unsent.SentOn, unsent.ReceivedOn, unsent.Paid));
    }

    [Fact]
    public async Task NextClaimRead_AnswersWithoutServerDateTime_AsksFromTheNewestSecDateTEditSeen()
    {
        var officeClock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var api = await OpenDentalApiTestDouble.StartAsync(officeClock);
        foreach (var num in new long[] { 1, 2, 3 })
        {
            api.Put("claims", num, Claim(num, "S", 0.0));
            officeClock.Advance(TimeSpan.FromMinutes(1));
        }
        var feed = Assert.IsAssignableFrom<IReadsClaims>(ApiConnection.Connector(api, http)).Claims;
        var first = await feed.ReadAllAsync();
        officeClock.Advance(TimeSpan.FromMinutes(10));
        api.Put("claims", 2, Claim(2, "R", 180.5));

        var second = await feed.ReadAllAsync(first[^1].NextCursor);

        Assert.Equal(new SyncCursor("opendental-api:v1:2026-03-02 09:02:00"), first[^1].NextCursor);
        // On or after a second before the newest stamp: claim 3 again (its second might have gained a claim), and the edited claim 2.
        Assert.Equal("2026-03-02 09:01:59", api.Requests[^1].Query["SecDateTEdit"]);
        Assert.Equal(["2", "3"], second.Rows().Select(c => c.PmsId).Order());
        Assert.Equal(PmsClaimStatus.Received, second.Rows().Single(c => c.PmsId == "2").Status);
        Assert.Equal(new SyncCursor("opendental-api:v1:2026-03-02 09:13:00"), second[^1].NextCursor);
    }
}
