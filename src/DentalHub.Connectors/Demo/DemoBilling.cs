using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Demo;

/// <summary>
/// What the sample practice's work came to: the appointments with their procedures' insurance estimates, the claims,
/// the ledger and what each coverage has used.
/// </summary>
public sealed record DemoAccounts(
    IReadOnlyList<PmsAppointment> Appointments, IReadOnlyList<PmsClaim> Claims, IReadOnlyList<PmsLedgerEntry> LedgerEntries, IReadOnlyList<PmsCoverage> Coverages);

/// <summary>
/// Bills the sample practice's completed visits up to <c>today</c>, as a front desk would:
/// <list type="bullet">
/// <item>each completed procedure is a charge on the visit's day;</item>
/// <item>a patient with a primary coverage gets a claim the same day. The plan pays its share of the fee its PPO
/// contract allows (100% preventive, 80% basic, 50% major, after the yearly deductible, up to what is left of the
/// annual maximum); the claim is received 10 to 28 days later (until then it is sent, its estimate pending), some
/// paid less than estimated. On receipt the insurance payment and the write-off (the fee above what the contract
/// allows) are posted;</item>
/// <item>most patients pay their estimated portion at the visit, some once the claim is paid, a few not yet;
/// uninsured patients mostly pay at the visit, some weeks later (a few with a cash discount), a few not yet;</item>
/// <item>a broken appointment is sometimes charged a fee; a crown is sometimes paid in part two weeks ahead;</item>
/// <item>the families not on the schedule have older account history (<see cref="History"/>), so balances age
/// past 30, 60 and 90 days.</item>
/// </list>
/// Draws are per appointment or per day, made whatever today is. What a coverage has used (and hence the next
/// claim's estimate) comes only from the claims in the generated schedule. Every appointment's procedures carry the
/// primary plan's share as the PMS would estimate it (what it paid, once a claim is received; nothing for a patient
/// without coverage on the day): visits still to come are estimated against what the coverage has used so far.
/// </summary>
public static class DemoBilling
{
    public static DemoAccounts For(DemoPractice practice, IReadOnlyList<PmsAppointment> appointments, IReadOnlyList<PmsCoverage> coverages, DateOnly today)
    {
        var primary = coverages.Where(c => c.Priority == 1).ToDictionary(c => c.PatientPmsId!);
        var benefits = coverages.ToDictionary(c => c.PmsId, _ => new Benefits());
        var claims = new List<PmsClaim>();
        var ledger = new List<PmsLedgerEntry>();
        var estimated = new List<PmsAppointment>(appointments.Count);
        History(practice, today, ledger);
        foreach (var appointment in appointments)
        {
            var day = appointment.StartLocal is { } start ? DateOnly.FromDateTime(start) : today;
            var coverage = primary.GetValueOrDefault(appointment.PatientPmsId!) is { } c && c.EffectiveOn <= day ? c : null;
            if (appointment.StartLocal is null || appointment.Status != PmsAppointmentStatus.Complete)
            {
                // Not billed (yet): the estimate a treatment plan shows, against what the coverage has used so far.
                estimated.Add(WithEstimates(appointment, coverage is null ? null : Estimate(appointment.Procedures!, coverage, benefits[coverage.PmsId], day.Year, commit: false)));
            }
            if (appointment.StartLocal is null)
            {
                continue;
            }
            var id = long.Parse(appointment.PmsId, CultureInfo.InvariantCulture);
            var random = DemoRandom.For(practice.Seed, id, 4);
            var draws = new Draws(random);
            var prepaid = appointment.AppointmentTypePmsId == DemoOffice.Types.Crown && draws.Prepays && day.AddDays(-14) <= today ? Prepayment : 0m;
            if (prepaid > 0)
            {
                ledger.Add(Line($"split:{id * 10 + 5}", appointment, PmsLedgerKind.PatientPayment, day.AddDays(-14), -prepaid, null, "Prepayment toward crown - Credit Card", id * 10 + 5));
            }
            if (appointment.Status == PmsAppointmentStatus.Complete)
            {
                estimated.Add(WithEstimates(appointment,
                    Visit(appointment, day, id, draws, prepaid, coverage, coverage is null ? null : benefits[coverage.PmsId], today, claims, ledger)));
            }
            else if (appointment.Status == PmsAppointmentStatus.Broken && draws.Fee < 50)
            {
                ledger.Add(Line($"adj:{id}", appointment, PmsLedgerKind.Adjustment, day, 50m, null, "Broken appointment fee", id));
            }
        }
        var used = coverages.Select(c => c with
        {
            BenefitsUsed = benefits[c.PmsId].Used.GetValueOrDefault(today.Year),
            DeductibleMet = benefits[c.PmsId].DeductibleMet.GetValueOrDefault(today.Year),
        }).ToList();
        return new DemoAccounts(estimated, claims, ledger, used);
    }

    private const decimal Prepayment = 300m;

    private static readonly string[] Methods = ["Check", "Cash", "Credit Card"];

    /// <summary>Bills a completed visit; returns what insurance pays and writes off for each procedure (null without coverage).</summary>
    private static IReadOnlyList<Share>? Visit(PmsAppointment appointment, DateOnly day, long id, Draws draws, decimal prepaid, PmsCoverage? coverage, Benefits? benefits, DateOnly today,
        List<PmsClaim> claims, List<PmsLedgerEntry> ledger)
    {
        var procedures = appointment.Procedures!;
        foreach (var procedure in procedures)
        {
            ledger.Add(Line($"proc:{procedure.PmsId}", appointment, PmsLedgerKind.Charge, day, procedure.Fee, procedure.Code, procedure.Description,
                long.Parse(procedure.PmsId, CultureInfo.InvariantCulture)));
        }
        var billed = procedures.Sum(p => p.Fee);
        var paymentId = id * 10;
        var method = $"Payment - {Methods[draws.Method]}";
        if (coverage is null)
        {
            var owed = billed - prepaid;
            if (draws.Discount < 5)
            {
                var discount = Cents(billed * 0.05m);
                ledger.Add(Line($"adj:{id}", appointment, PmsLedgerKind.Adjustment, day, -discount, null, "Cash payment discount (5%)", id));
                owed -= discount;
            }
            if (owed <= 0)
            {
                return null;
            }
            if (draws.Pays < 80)
            {
                ledger.Add(Line($"split:{paymentId}", appointment, PmsLedgerKind.PatientPayment, day, -owed, null, method, paymentId));
            }
            else if (draws.Pays < 95 && day.AddDays(draws.LaterDays) <= today)
            {
                ledger.Add(Line($"split:{paymentId}", appointment, PmsLedgerKind.PatientPayment, day.AddDays(draws.LaterDays), -owed, null, method, paymentId));
            }
            return null;
        }
        var plan = DemoOffice.Plans.First(p => p.Plan.PmsId == coverage.PlanPmsId);
        var shares = Estimate(procedures, coverage, benefits!, day.Year, commit: true);
        var estimate = shares.Sum(s => s.Insurance);
        var writeOff = shares.Sum(s => s.WriteOff);
        var receivedOn = day.AddDays(draws.ClaimDays);
        var received = receivedOn <= today;
        var paid = received ? draws.PaidInPart ? Cents(estimate * draws.PaidShare) : estimate : 0m;
        benefits!.Used[day.Year] = benefits.Used.GetValueOrDefault(day.Year) + (received ? paid : estimate);
        claims.Add(new PmsClaim(
            id.ToString(CultureInfo.InvariantCulture), appointment.PatientPmsId, plan.Plan.PmsId,
            received ? PmsClaimStatus.Received : PmsClaimStatus.Sent, "Primary", day, day, received ? receivedOn : null,
            billed, estimate, paid, received ? writeOff : 0m));
        var carrier = plan.Plan.CarrierName;
        if (received && paid > 0)
        {
            ledger.Add(Line($"cpins:{id}", appointment, PmsLedgerKind.InsurancePayment, receivedOn, -paid, null, $"Insurance payment - {carrier}", id));
        }
        if (received && writeOff > 0)
        {
            ledger.Add(Line($"cpwo:{id}", appointment, PmsLedgerKind.WriteOff, receivedOn, -writeOff, null, $"PPO write-off - {carrier}", id));
        }
        var portion = billed - writeOff - estimate - prepaid;
        if (draws.Pays < 88)
        {
            if (portion > 0)
            {
                ledger.Add(Line($"split:{paymentId}", appointment, PmsLedgerKind.PatientPayment, day, -portion, null, method, paymentId));
            }
        }
        else if (draws.Pays < 98 && received && receivedOn.AddDays(draws.LaterDays) <= today)
        {
            var rest = billed - writeOff - paid - prepaid;
            if (rest > 0)
            {
                ledger.Add(Line($"split:{paymentId}", appointment, PmsLedgerKind.PatientPayment, receivedOn.AddDays(draws.LaterDays), -rest, null, method, paymentId));
            }
        }
        return received && paid != estimate ? PaidAs(shares, paid) : shares;
    }

    /// <summary>
    /// The plan's payment for each procedure of a visit and the write-off its PPO contract asks for, using the year's
    /// deductible and what is left of its maximum (the procedures first in the visit first). Only a billed visit
    /// (<paramref name="commit"/>) uses up the deductible.
    /// </summary>
    private static List<Share> Estimate(IReadOnlyList<PmsAppointmentProcedure> procedures, PmsCoverage coverage, Benefits benefits, int year, bool commit)
    {
        var (plan, ppoDiscount) = DemoOffice.Plans.First(p => p.Plan.PmsId == coverage.PlanPmsId);
        var deductibleLeft = Math.Max(0m, plan.Deductible!.Value - benefits.DeductibleMet.GetValueOrDefault(year));
        var maximumLeft = Math.Max(0m, plan.AnnualMaximum!.Value - benefits.Used.GetValueOrDefault(year));
        var shares = new List<Share>(procedures.Count);
        decimal deductible = 0;
        foreach (var procedure in procedures)
        {
            var catalogue = new DemoProcedure(procedure.Code!, procedure.Description!, procedure.Fee);
            var allowed = Cents(procedure.Fee * (1 - ppoDiscount));
            var applied = catalogue.AppliesToDeductible ? Math.Min(deductibleLeft, allowed) : 0m;
            deductibleLeft -= applied;
            deductible += applied;
            var insurance = Math.Min(Cents((allowed - applied) * catalogue.CoveredShare), maximumLeft);
            maximumLeft -= insurance;
            shares.Add(new Share(insurance, procedure.Fee - allowed));
        }
        if (commit)
        {
            benefits.DeductibleMet[year] = benefits.DeductibleMet.GetValueOrDefault(year) + deductible;
        }
        return shares;
    }

    /// <summary>A claim paid <paramref name="paid"/> instead of what was estimated: the payment spread over the procedures as their estimates were.</summary>
    private static List<Share> PaidAs(List<Share> estimated, decimal paid)
    {
        var estimate = estimated.Sum(s => s.Insurance);
        var spread = estimated.Select(s => s with { Insurance = estimate == 0 ? 0m : Cents(s.Insurance * paid / estimate) }).ToList();
        spread[^1] = spread[^1] with { Insurance = paid - spread.Take(spread.Count - 1).Sum(s => s.Insurance) };
        return spread;
    }

    private static PmsAppointment WithEstimates(PmsAppointment appointment, IReadOnlyList<Share>? shares) => appointment with
    {
        Procedures = [.. appointment.Procedures!.Select((p, i) =>
        {
            var share = shares?[i] ?? new Share(0m, 0m);
            return p with { InsuranceEstimate = share.Insurance, WriteOffEstimate = share.WriteOff, PatientPortion = Math.Max(0m, p.Fee - share.Insurance - share.WriteOff) };
        })],
    };

    /// <summary>
    /// The account history of the families not on the schedule (not in lately): now and then a visit's charge (a
    /// filling, an extraction, an emergency visit, rarely a crown) from eight months to a month ago, paid in full some
    /// weeks later, paid in part, or not yet. These are the balances that age past 30, 60 and 90 days. Now and then
    /// one of them pays ahead instead, which can leave the family in credit.
    /// </summary>
    private static void History(DemoPractice practice, DateOnly today, List<PmsLedgerEntry> ledger)
    {
        var patients = practice.Patients.Where(p => DemoSchedule.IsActive(practice, p) && !DemoSchedule.IsOnTheBook(practice, p)).ToList();
        if (patients.Count == 0)
        {
            return;
        }
        DemoProcedure[] work = [DemoProcedures.PosteriorFilling, DemoProcedures.PosteriorFilling2, DemoProcedures.Extraction, DemoProcedures.LimitedExam, DemoProcedures.Crown];
        foreach (var day in DemoCalendar.OpenDays(today.AddDays(-DemoCalendar.HistoryDaysBack), today.AddDays(-31)))
        {
            var random = DemoRandom.For(practice.Seed, day.DayNumber, 6);
            var happens = random.Next(100);
            var patient = patients[random.Next(patients.Count)];
            var procedure = work[random.Next(random.Next(4) == 0 ? work.Length : work.Length - 1)];
            var pays = random.Next(100);
            var laterDays = 14 + random.Next(30);
            var provider = random.Next(2) == 0 ? "DOC1" : "DOC2";
            // Above the ids of a day's appointments (slot times 10 plus procedure, slots well under 90).
            var id = (long)day.DayNumber * 1000 + 900;
            if (happens >= 35)
            {
                // Now and then a family pays ahead for treatment it has not had yet: an account in credit.
                if (happens >= 97)
                {
                    ledger.Add(new PmsLedgerEntry($"split:{id}", patient.PmsId, PmsLedgerKind.PatientPayment, day, -250m, null, "Prepayment - Credit Card",
                        provider, DemoOffice.ClinicId, IdText(id)));
                }
                continue;
            }
            ledger.Add(new PmsLedgerEntry($"proc:{id}", patient.PmsId, PmsLedgerKind.Charge, day, procedure.Fee, procedure.Code, procedure.Description,
                provider, DemoOffice.ClinicId, IdText(id)));
            var (paid, on) = pays switch
            {
                < 35 when day.AddDays(laterDays) <= today => (procedure.Fee, day.AddDays(laterDays)),
                < 70 => (Cents(procedure.Fee * 0.4m), day),
                _ => (0m, day),
            };
            if (paid > 0)
            {
                ledger.Add(new PmsLedgerEntry($"split:{id}", patient.PmsId, PmsLedgerKind.PatientPayment, on, -paid, null, "Payment - Check",
                    provider, DemoOffice.ClinicId, IdText(id)));
            }
        }
    }

    private static PmsLedgerEntry Line(string pmsId, PmsAppointment appointment, PmsLedgerKind kind, DateOnly date, decimal amount, string? code, string? description, long source) =>
        new(pmsId, appointment.PatientPmsId, kind, date, amount, code, description, appointment.ProviderPmsId, DemoOffice.ClinicId, IdText(source));

    private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static string IdText(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the plan pays (or is expected to) for one procedure, and what the office writes off.</summary>
    private readonly record struct Share(decimal Insurance, decimal WriteOff);

    /// <summary>What one coverage has used and met, per benefit (calendar) year.</summary>
    private sealed class Benefits
    {
        public Dictionary<int, decimal> Used { get; } = [];

        public Dictionary<int, decimal> DeductibleMet { get; } = [];
    }

    /// <summary>Every draw an appointment's billing may need, made up front so they are the same whatever happens to it.</summary>
    private sealed class Draws(Random random)
    {
        public int Fee { get; } = random.Next(100);
        public bool Prepays { get; } = random.Next(100) < 35;
        public int Method { get; } = random.Next(Methods.Length);
        public int Discount { get; } = random.Next(100);
        public int Pays { get; } = random.Next(100);
        public int LaterDays { get; } = 7 + random.Next(24);
        public int ClaimDays { get; } = 10 + random.Next(19);
        public bool PaidInPart { get; } = random.Next(100) < 8;
        public decimal PaidShare { get; } = 0.60m + random.Next(26) / 100m;
    }
}
