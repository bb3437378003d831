using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Bench.Resources;

/// <summary>
/// A practice's schedule and ledger as a PMS would send them, the same on every run (fixed seeds): appointments
/// of its patients over eight years with one to three procedures each, and ledger lines of every kind.
/// </summary>
public static class ResourceRecords
{
    private static readonly string[] Codes = ["D0120", "D1110", "D0274", "D2391", "D2740", "D1206", "D0150", "D4341"];
    private static readonly DateTime First = new(2019, 1, 7, 8, 0, 0);

    public static List<PmsProvider> Providers(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new PmsProvider(Id(i), "Ann" + i, "Lee", "DOC" + i, "16796087" + (i % 100).ToString("00", CultureInfo.InvariantCulture), "General", i % 3 == 0, false, null))];

    public static List<PmsAppointment> Appointments(int count, int patients, int seed)
    {
        var random = new Random(seed);
        var list = new List<PmsAppointment>(count);
        for (var i = 1; i <= count; i++)
        {
            list.Add(Appointment(i, patients, random, round: 0));
        }
        return list;
    }

    /// <summary>The same appointment moved to another time and confirmed, as a front desk edits one.</summary>
    public static PmsAppointment Edited(PmsAppointment appointment, int round) =>
        appointment with { StartLocal = appointment.StartLocal?.AddMinutes(30 + round), Confirmation = "Confirmed " + round.ToString(CultureInfo.InvariantCulture) };

    public static List<PmsLedgerEntry> LedgerEntries(int count, int patients, int seed)
    {
        var random = new Random(seed);
        var list = new List<PmsLedgerEntry>(count);
        for (var i = 1; i <= count; i++)
        {
            var patient = Id(random.Next(1, patients + 1));
            var date = DateOnly.FromDateTime(First.AddDays(random.Next(0, 8 * 365)));
            var kind = (i % 10) switch
            {
                < 5 => PmsLedgerKind.Charge,
                < 8 => PmsLedgerKind.PatientPayment,
                8 => PmsLedgerKind.InsurancePayment,
                _ => PmsLedgerKind.Adjustment,
            };
            var amount = Math.Round((decimal)(random.NextDouble() * 400 + 20), 2);
            list.Add(new PmsLedgerEntry(
                PmsId: (kind == PmsLedgerKind.Charge ? "proc:" : kind == PmsLedgerKind.Adjustment ? "adj:" : "split:") + Id(i),
                PatientPmsId: patient,
                Kind: kind,
                Date: date,
                Amount: kind is PmsLedgerKind.Charge or PmsLedgerKind.Adjustment ? amount : -amount,
                Code: kind == PmsLedgerKind.Charge ? Codes[i % Codes.Length] : null,
                Description: kind == PmsLedgerKind.Charge ? "Procedure" : kind.ToString(),
                ProviderPmsId: Id(1 + i % 12),
                ClinicPmsId: null,
                SourcePmsId: Id(i)));
        }
        return list;
    }

    private static PmsAppointment Appointment(int i, int patients, Random random, int round)
    {
        var start = First.AddDays(random.Next(0, 8 * 365)).AddMinutes(15 * random.Next(0, 36));
        var procedures = Enumerable.Range(0, 1 + random.Next(3))
            .Select(p => new PmsAppointmentProcedure(Id(i * 4 + p), Codes[(i + p) % Codes.Length], "Procedure", Math.Round((decimal)(random.NextDouble() * 300 + 25), 2)))
            .ToList();
        return new PmsAppointment(
            PmsId: Id(i),
            PatientPmsId: Id(random.Next(1, patients + 1)),
            ProviderPmsId: Id(1 + i % 12),
            HygienistPmsId: i % 3 == 0 ? Id(13 + i % 4) : null,
            OperatoryPmsId: Id(1 + i % 8),
            ClinicPmsId: null,
            AppointmentTypePmsId: Id(1 + i % 6),
            StartLocal: start,
            LengthMinutes: 30 + 10 * random.Next(0, 6),
            Status: i % 20 == 0 ? PmsAppointmentStatus.Broken : start.Year < 2026 ? PmsAppointmentStatus.Complete : PmsAppointmentStatus.Scheduled,
            Confirmation: round == 0 ? "Not Called" : "Confirmed",
            IsNewPatient: i % 50 == 0,
            Note: i % 7 == 0 ? "Prefers mornings" : null,
            Procedures: procedures);
    }

    private static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);
}
