using System.Collections.Concurrent;
using System.Globalization;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Demo;

/// <summary>
/// Appointments booked and changed in the Demo PMS, in memory for the life of the process under the connection's ledger
/// name (sample data only). Like a PMS it refuses an unknown patient, provider or chair and a time that overlaps another
/// appointment in the chair; a change is kept per appointment so it can be read back as it now is.
/// </summary>
public sealed class DemoAppointments(string name, IReadOnlySet<string> patientIds, Func<IReadOnlyList<PmsAppointment>> sampleAppointments)
    : IWritesAppointments
{
    private static readonly ConcurrentDictionary<string, Dictionary<string, (PmsAppointment Appointment, string? Reference)>> Written = new();
    private static readonly ConcurrentDictionary<string, int> Versions = new();

    /// <summary>The appointments booked or changed under a ledger name, as they now are, with the booking's reference.</summary>
    public static IReadOnlyList<(PmsAppointment Appointment, string? Reference)> Entries(string name)
    {
        if (!Written.TryGetValue(name, out var entries))
        {
            return [];
        }
        lock (entries)
        {
            return [.. entries.Values];
        }
    }

    /// <summary>How many writes were kept under a ledger name: the appointments feed reads the day again when it moves.</summary>
    public static int Version(string name) => Versions.GetValueOrDefault(name);

    /// <summary>The sample's appointments as the Demo PMS now has them: changed ones as changed, bookings after them.</summary>
    public static IReadOnlyList<PmsAppointment> Overlay(string name, IReadOnlyList<PmsAppointment> sample)
    {
        var written = Entries(name).ToDictionary(e => e.Appointment.PmsId, e => e.Appointment);
        if (written.Count == 0)
        {
            return sample;
        }
        var sampleIds = sample.Select(a => a.PmsId).ToHashSet();
        return
        [
            .. sample.Select(a => written.GetValueOrDefault(a.PmsId) ?? a),
            .. written.Values.Where(a => !sampleIds.Contains(a.PmsId)).OrderBy(a => a.PmsId.Length).ThenBy(a => a.PmsId, StringComparer.Ordinal),
        ];
    }

    public Task<WriteOutcome> WriteAppointmentAsync(PmsAppointmentWrite write, CancellationToken cancellationToken)
    {
        var entries = Written.GetOrAdd(name, _ => []);
        lock (entries)
        {
            var outcome = Write(entries, write);
            if (outcome is WriteOutcome.Written)
            {
                Versions.AddOrUpdate(name, 1, (_, v) => v + 1);
            }
            return Task.FromResult(outcome);
        }
    }

    public Task<FindOutcome> FindWrittenAppointmentAsync(PmsAppointmentWrite write, CancellationToken cancellationToken)
    {
        var entries = Entries(name);
        var found = write.Action == AppointmentWriteAction.Book
            ? entries.FirstOrDefault(e => e.Reference == write.Reference).Appointment
            : entries.Select(e => e.Appointment).FirstOrDefault(a => a.PmsId == write.AppointmentPmsId && AsWanted(a, write));
        return Task.FromResult<FindOutcome>(found is null ? new FindOutcome.NotFound() : new FindOutcome.Found(found.PmsId));
    }

    /// <summary>The Demo PMS has no slot question: the hub's own check of the sample schedule is what there is.</summary>
    public Task<IReadOnlyList<PmsSlot>?> ReadOpenSlotsAsync(PmsSlotQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PmsSlot>?>(null);

    private WriteOutcome Write(Dictionary<string, (PmsAppointment Appointment, string? Reference)> entries, PmsAppointmentWrite write)
    {
        if (!patientIds.Contains(write.PmsPatientId))
        {
            return new WriteOutcome.Refused($"The Demo PMS has no patient {write.PmsPatientId}: link the profile to one of the sample practice's patients.");
        }
        if (write.Action == AppointmentWriteAction.Book)
        {
            var booked = new PmsAppointment($"B{(entries.Count + 1).ToString(CultureInfo.InvariantCulture)}", write.PmsPatientId, write.ProviderPmsId, null,
                write.OperatoryPmsId, DemoOffice.ClinicId, write.AppointmentTypePmsId, write.StartLocal, write.LengthMinutes ?? 60,
                PmsAppointmentStatus.Scheduled, "Unconfirmed", IsNewPatient: false, write.Note, Procedures: []);
            if (Refusal(entries, booked) is { } refused)
            {
                return refused;
            }
            entries[booked.PmsId] = (booked, write.Reference);
            return new WriteOutcome.Written(booked.PmsId);
        }
        var current = entries.TryGetValue(write.AppointmentPmsId ?? "", out var kept) ? kept.Appointment
            : sampleAppointments().FirstOrDefault(a => a.PmsId == write.AppointmentPmsId);
        if (current is null || current.PatientPmsId != write.PmsPatientId)
        {
            return new WriteOutcome.Refused($"The Demo PMS has no appointment {write.AppointmentPmsId} of that patient.");
        }
        var changed = write.Action switch
        {
            AppointmentWriteAction.Confirm => current with { Confirmation = "Confirmed" },
            AppointmentWriteAction.Cancel => current with { Status = PmsAppointmentStatus.Broken },
            _ => current with
            {
                StartLocal = write.StartLocal, ProviderPmsId = write.ProviderPmsId, OperatoryPmsId = write.OperatoryPmsId,
                LengthMinutes = write.LengthMinutes ?? current.LengthMinutes,
            },
        };
        if (write.Action == AppointmentWriteAction.Move && Refusal(entries, changed) is { } moveRefused)
        {
            return moveRefused;
        }
        entries[changed.PmsId] = (changed, kept.Reference);
        return new WriteOutcome.Written(changed.PmsId);
    }

    private WriteOutcome.Refused? Refusal(Dictionary<string, (PmsAppointment Appointment, string? Reference)> entries, PmsAppointment wanted)
    {
        if (!DemoOffice.Providers.Any(p => p.PmsId == wanted.ProviderPmsId))
        {
            return new($"The Demo PMS has no provider {wanted.ProviderPmsId}.");
        }
        if (!DemoOffice.Operatories.Any(o => o.PmsId == wanted.OperatoryPmsId))
        {
            return new($"The Demo PMS has no chair {wanted.OperatoryPmsId}.");
        }
        if (wanted.StartLocal is not { } start)
        {
            return new("The Demo PMS needs a start time to book an appointment.");
        }
        var end = start.AddMinutes(wanted.LengthMinutes);
        var others = sampleAppointments().Where(a => !entries.ContainsKey(a.PmsId)).Concat(entries.Values.Select(e => e.Appointment));
        var clash = others.Any(a => a.PmsId != wanted.PmsId && a.OperatoryPmsId == wanted.OperatoryPmsId
            && a.Status is PmsAppointmentStatus.Scheduled or PmsAppointmentStatus.Complete
            && a.StartLocal is { } otherStart && otherStart < end && start < otherStart.AddMinutes(a.LengthMinutes));
        return clash ? new("The Demo PMS refused the appointment: it overlaps another appointment in that chair.") : null;
    }

    private static bool AsWanted(PmsAppointment appointment, PmsAppointmentWrite write) => write.Action switch
    {
        AppointmentWriteAction.Confirm => appointment.Confirmation == "Confirmed",
        AppointmentWriteAction.Cancel => appointment.Status == PmsAppointmentStatus.Broken,
        _ => appointment.StartLocal == write.StartLocal && appointment.ProviderPmsId == write.ProviderPmsId
            && appointment.OperatoryPmsId == write.OperatoryPmsId,
    };
}
