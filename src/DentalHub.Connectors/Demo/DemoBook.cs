using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Demo;

/// <summary>
/// Everything the sample practice has on its books as of one day: its schedule, appointments, coverages, claims,
/// ledger and family balances. Generated whole (in a few tens of milliseconds) for the day it is read on.
/// </summary>
public sealed record DemoBook(
    DateOnly Today,
    IReadOnlyList<PmsScheduleBlock> Schedules,
    IReadOnlyList<PmsAppointment> Appointments,
    IReadOnlyList<PmsCoverage> Coverages,
    IReadOnlyList<PmsClaim> Claims,
    IReadOnlyList<PmsLedgerEntry> LedgerEntries,
    IReadOnlyList<PmsFamilyBalance> Balances)
{
    public static DemoBook For(DemoPractice practice, DateOnly today)
    {
        var accounts = DemoBilling.For(practice, DemoSchedule.Appointments(practice, today), DemoCoverages.For(practice), today);
        return new DemoBook(
            today,
            DemoSchedule.Blocks(today),
            accounts.Appointments,
            accounts.Coverages,
            accounts.Claims,
            accounts.LedgerEntries,
            DemoAging.Balances(practice, accounts.LedgerEntries, accounts.Claims, today));
    }
}
