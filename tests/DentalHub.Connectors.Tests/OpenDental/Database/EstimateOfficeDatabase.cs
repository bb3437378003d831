using DentalHub.Connectors.Tests.Support;

namespace DentalHub.Connectors.Tests.OpenDental.Database;

/// <summary>
/// An office's appointments with insurance estimates in <c>claimproc</c>: a visit with primary and secondary estimates
/// (overrides among them, and a preauthorization that is no estimate), one whose claim was received and paid more
/// later while the secondary claim waits, an estimate overridden above the fee, and a patient with no insurance.
/// </summary>
public sealed class EstimateOfficeDatabase : OpenDentalDatabase
{
    public const long TwoCoverages = 301;
    public const long ClaimReceived = 302;
    public const long OverEstimated = 303;
    public const long Uninsured = 304;

    public const long Primary = 1;
    public const long Secondary = 2;

    protected override async Task SeedAsync()
    {
        await ExecuteAsync(AppointmentSeed.InsertSql(
        [
            new(TwoCoverages, 31, "2026-04-20 09:00:00"),
            new(ClaimReceived, 32, "2026-03-02 10:00:00", AptStatus: 2),
            new(OverEstimated, 33, "2026-04-21 09:00:00"),
            new(Uninsured, 34, "2026-04-22 09:00:00"),
        ]));
        await ExecuteAsync(string.Join(";",
            AppointmentSeed.ProcedureSql(41, TwoCoverages, 35, "200"),
            AppointmentSeed.ProcedureSql(42, TwoCoverages, 88, "100"),
            AppointmentSeed.ProcedureSql(43, ClaimReceived, 88, "150", procStatus: 2),
            AppointmentSeed.ProcedureSql(44, OverEstimated, 35, "80"),
            AppointmentSeed.ProcedureSql(45, Uninsured, 35, "60"),
            // 41: the primary estimates 120 with a PPO write-off of 30; the secondary's 40 is overridden to 25.
            AppointmentSeed.ClaimProcSql(501, 41, status: 6, Primary, insEstTotal: 120, writeOffEst: 30),
            AppointmentSeed.ClaimProcSql(502, 41, status: 6, Secondary, insEstTotal: 40, insEstTotalOverride: 25),
            // 42: the write-off estimate of 10 is overridden to 5; a preauthorization's 100 is no estimate.
            AppointmentSeed.ClaimProcSql(503, 42, status: 6, Primary, insEstTotal: 80, writeOffEst: 10, writeOffEstOverride: 5),
            AppointmentSeed.ClaimProcSql(504, 42, status: 2, Primary, insPayEst: 100),
            // 43: received (paid 90 of 100 expected, 20 written off), then a supplemental 10; the secondary claim, sent, expects 15.
            AppointmentSeed.ClaimProcSql(505, 43, status: 1, Primary, insEstTotal: 100, insPayEst: 100, insPayAmt: 90, writeOff: 20, writeOffEst: 20),
            AppointmentSeed.ClaimProcSql(506, 43, status: 4, Primary, insPayAmt: 10),
            AppointmentSeed.ClaimProcSql(507, 43, status: 0, Secondary, insEstTotal: 40, insPayEst: 15),
            // 44: an override above the fee.
            AppointmentSeed.ClaimProcSql(508, 44, status: 6, Primary, insEstTotal: 64, insEstTotalOverride: 100)));
    }
}
