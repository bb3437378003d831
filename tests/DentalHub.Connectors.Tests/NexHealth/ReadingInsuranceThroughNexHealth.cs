using DentalHub.Connectors.Contract;
using DentalHub.Connectors.NexHealth;
using DentalHub.Connectors.Tests.Support;
using DentalHub.TestDoubles.NexHealth;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Connectors.Tests.NexHealth;

/// <summary>
/// Insurance is read where NexHealth's parity says it can be (Dentrix, Dentrix Enterprise, Eaglesoft, Open Dental), once NexHealth
/// has turned financial data on for the practice: plans deleted in the system come back as deleted, medical coverages stay out.
/// </summary>
public sealed class ReadingInsuranceThroughNexHealth : IDisposable
{
    private readonly TestHttpClientFactory http = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));

    public void Dispose() => http.Dispose();

    [Theory]
    [InlineData("Dentrix", true)]
    [InlineData("Dentrix Enterprise", true)]
    [InlineData("Eaglesoft", true)]
    [InlineData("Open Dental", true)]
    [InlineData("Dentrix Ascend", false)]
    [InlineData("Curve Dental", false)]
    [InlineData("Denticon", false)]
    [InlineData("Cloud 9", false)]
    [InlineData("Orthotrac", false)]
    public void Connector_EachSystem_ReadsInsuranceOnlyWhereNexHealthDoes(string systemName, bool insurance)
    {
        var connector = NexHealthConnection.Unreached(systemName, http);

        Assert.Equal(insurance, connector is IReadsInsurance);
    }

    [Fact]
    public async Task Read_PlanDeletedInDentrix_ComesBackAsDeleted()
    {
        await using var api = await NexHealthApiTestDouble.StartAsync(clock);
        api.Put(NexHealthApiTestDouble.InsurancePlans, NexHealthRecords.InsurancePlan(301, "Delta Dental", "G1"));
        api.Put(NexHealthApiTestDouble.InsurancePlans, NexHealthRecords.InsurancePlan(302, "Cigna", "G2"));
        clock.Advance(TimeSpan.FromMinutes(1));
        var plans = Insurance(api).InsurancePlans;
        var first = await plans.ReadAllAsync();
        clock.Advance(TimeSpan.FromMinutes(5));
        api.Change(NexHealthApiTestDouble.InsurancePlans, 302, p => p["deleted_at"] = "2026-03-02T15:05:00.000Z");

        var second = await plans.ReadAllAsync(first[^1].NextCursor);

        Assert.Equal(["301", "302"], first.Rows().Select(p => p.PmsId).Order());
        Assert.Empty(second.Rows());
        Assert.Equal(["302"], second.SelectMany(p => p.Deleted));
        Assert.Equal("true", api.Requests.Last(r => r.Path == "/insurance_plans").Query["include_deleted"]);
    }

    [Fact]
    public async Task Read_MedicalAndDentalCoverages_KeepsTheDentalOnesInTheirOrder()
    {
        await using var api = await NexHealthApiTestDouble.StartAsync(clock);
        api.Put(NexHealthApiTestDouble.InsuranceCoverages, NexHealthRecords.Coverage(501, 1001, 301, 1));
        api.Put(NexHealthApiTestDouble.InsuranceCoverages, NexHealthRecords.Coverage(502, 1001, 302, 2, relation: "child"));
        api.Put(NexHealthApiTestDouble.InsuranceCoverages, NexHealthRecords.Coverage(503, 1001, 303, 1, insuranceType: "medical"));

        var coverages = (await Insurance(api).Coverages.ReadAllAsync()).Rows();

        Assert.Equal([("501", 1, PmsRelationship.Self), ("502", 2, PmsRelationship.Child)],
            coverages.OrderBy(c => c.PmsId).Select(c => (c.PmsId, c.Priority, c.Relationship)));
        Assert.All(coverages, c => Assert.Equal(("1001", new DateOnly(2026, 1, 1)), (c.PatientPmsId, c.EffectiveOn)));
    }

    [Fact]
    public async Task Read_FinancialDataNotTurnedOn_SaysToAskNexHealth()
    {
        await using var api = await NexHealthApiTestDouble.StartAsync(clock);
        api.FinancialsEnabled = false;

        var error = await Assert.ThrowsAsync<NexHealthApiException>(() => Insurance(api).InsurancePlans.ReadAllAsync());

        Assert.StartsWith("NexHealth has not turned on financial data (insurance, charges, payments) for \"bright-smiles\" yet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_FinancialDataNotTurnedOn_ConnectsAndSaysInsuranceWaitsForNexHealth()
    {
        await using var api = await NexHealthApiTestDouble.StartAsync(clock);
        api.FinancialsEnabled = false;

        var result = await NexHealthConnection.Connector(api, http, time: clock).CheckConnectionAsync(CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains("so DentalHub cannot read Dentrix's insurance. Ask NexHealth to enable it", result.Message, StringComparison.Ordinal);
    }

    private IReadsInsurance Insurance(NexHealthApiTestDouble api) =>
        Assert.IsAssignableFrom<IReadsInsurance>(NexHealthConnection.Connector(api, http, time: clock));
}
