using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.OpenDental.Database;

/// <summary>Database mode reads each procedure's insurance estimate, write-off and patient portion from its claimproc rows.</summary>
public sealed class ReadingEstimatesFromAnOfficeDatabase(EstimateOfficeDatabase database) : IClassFixture<EstimateOfficeDatabase>
{
    private async Task<PmsAppointment> ReadAsync(long aptNum)
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var appointments = (await database.Connector(pageSize: 3).Appointments().ReadAllAsync(cursor: null)).Rows();
        return Assert.Single(appointments, a => a.PmsId == aptNum.ToString(CultureInfo.InvariantCulture));
    }

    private static (string, decimal, decimal?, decimal?, decimal?) Amounts(PmsAppointmentProcedure p) =>
        (p.PmsId, p.Fee, p.InsuranceEstimate, p.WriteOffEstimate, p.PatientPortion);

    [SkippableFact]
    public async Task PrimaryAndSecondaryEstimates_WithOverrides_AddUpAndLeaveThePatientTheRest()
    {
        var appointment = await ReadAsync(EstimateOfficeDatabase.TwoCoverages);

        // 41: 120 + 25 (the secondary's override, not its 40), 30 written off: 200 - 145 - 30 = 25.
        // 42: 80, the write-off override 5 (not 10), the preauthorization left out: 100 - 80 - 5 = 15.
        Assert.Equal([("41", 200.00m, 145.00m, 30.00m, 25.00m), ("42", 100.00m, 80.00m, 5.00m, 15.00m)], appointment.Procedures!.Select(Amounts));
    }

    [SkippableFact]
    public async Task ReceivedClaim_PaidThenSupplemented_CountsWhatWasPaidAndWhatTheSecondaryClaimExpects()
    {
        var appointment = await ReadAsync(EstimateOfficeDatabase.ClaimReceived);

        // Paid 90 (not the 100 expected) + 10 supplemental + 15 the sent secondary claim expects; 20 written off.
        Assert.Equal(("43", 150.00m, 115.00m, 20.00m, 15.00m), Amounts(Assert.Single(appointment.Procedures!)));
    }

    [SkippableFact]
    public async Task EstimateOverriddenAboveTheFee_PatientPortionIsZeroNotNegative()
    {
        var appointment = await ReadAsync(EstimateOfficeDatabase.OverEstimated);

        Assert.Equal(("44", 80.00m, 100.00m, 0m, 0m), Amounts(Assert.Single(appointment.Procedures!)));
    }

    [SkippableFact]
    public async Task NoInsurance_EstimateIsZeroAndThePatientPaysTheFee()
    {
        var appointment = await ReadAsync(EstimateOfficeDatabase.Uninsured);

        Assert.Equal(("45", 60.00m, 0m, 0m, 60.00m), Amounts(Assert.Single(appointment.Procedures!)));
    }
}
