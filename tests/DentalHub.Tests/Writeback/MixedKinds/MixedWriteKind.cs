using DentalHub.Adjustments;
using DentalHub.Connectors.Contract;
using System.Globalization;
using DentalHub.Payments;
using DentalHub.Schedule.Bookings;
using DentalHub.Sync;
using DentalHub.TestDoubles.OpenDental;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Rewards;
using DentalHub.Writeback;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Writeback.MixedKinds;

/// <summary>
/// One kind of write the hub makes to the PMS, as the property test drives it: how a person or a processor causes one
/// through the app's own services, which endpoint of the Open Dental double receives it (for its faults), and how many
/// records with a given reference the double holds. A new kind of writeback adds one of these and is in the property.
/// </summary>
public abstract class MixedWriteKind
{
    public abstract string Kind { get; }

    public abstract DoubleWriteEndpoint Endpoint(OpenDentalApiTestDouble api);

    /// <summary>Causes one write for <paramref name="patientId"/>; <paramref name="step"/> makes it unique in the schedule.</summary>
    public abstract Task CauseAsync(MixedWritebackHarness h, Guid patientId, string step, Random random);

    /// <summary>How many records the PMS holds that carry <paramref name="reference"/>.</summary>
    public abstract int Stored(OpenDentalApiTestDouble api, string reference);

    /// <summary>Turns on what the practice must turn on before this kind is written back (its writeback setting).</summary>
    public virtual Task PrepareAsync(MixedWritebackHarness h) => Task.CompletedTask;

    /// <summary>Every kind of command one cause records (a new patient's booking too).</summary>
    public virtual IReadOnlyList<string> Records => [Kind];

    public static IReadOnlyList<MixedWriteKind> All { get; } =
        [new PaymentWrites(), new StaffNoteWrites(), new AdjustmentWrites(), new AppointmentWrites(), new DocumentWrites(), new NewPatientWrites()];
}

/// <summary>A card payment reported by the processor, recorded in the PMS ledger.</summary>
public sealed class PaymentWrites : MixedWriteKind
{
    public override string Kind => WritebackKinds.Payment;

    public override DoubleWriteEndpoint Endpoint(OpenDentalApiTestDouble api) => api.PaymentWrites;

    public override Task CauseAsync(MixedWritebackHarness h, Guid patientId, string step, Random random) =>
        h.App.Services.GetRequiredService<PaymentIntake>().RecordAsync(h.Practice.Tenant,
            new IncomingPayment($"pi_{step}", "test", patientId, PaymentSource.Portal, random.Next(100, 50_000) / 100m, 0m, "USD", TimeProvider.System.GetUtcNow(), null),
            CancellationToken.None);

    public override int Stored(OpenDentalApiTestDouble api, string reference) => api.Payments.Count(p => p.PayNote.Contains(reference, StringComparison.Ordinal));
}

/// <summary>A staff note sent to the PMS, filed on the chart as a commlog.</summary>
public sealed class StaffNoteWrites : MixedWriteKind
{
    public override string Kind => WritebackKinds.Commlog;

    public override DoubleWriteEndpoint Endpoint(OpenDentalApiTestDouble api) => api.CommlogWrites;

    public override async Task CauseAsync(MixedWritebackHarness h, Guid patientId, string step, Random random) =>
        Assert.Null(await h.App.Services.GetRequiredService<DentalHub.Patients.PatientNotes>()
            .SaveAndSendToPmsAsync(h.Practice.Tenant, RewardsTestData.Staff, patientId, $"Note {step}.", CancellationToken.None));

    public override int Stored(OpenDentalApiTestDouble api, string reference) => api.Commlogs.Count(c => c.Note.Contains(reference, StringComparison.Ordinal));
}

/// <summary>A credit a person posts on a profile, recorded in the PMS as an adjustment of the practice's discount type.</summary>
public sealed class AdjustmentWrites : MixedWriteKind
{
    public override string Kind => WritebackKinds.Adjustment;

    public override DoubleWriteEndpoint Endpoint(OpenDentalApiTestDouble api) => api.AdjustmentWrites;

    public override async Task PrepareAsync(MixedWritebackHarness h)
    {
        var settings = h.App.Services.GetRequiredService<WritebackSettingsService>();
        var changed = await settings.GetAsync(h.Practice.Tenant, CancellationToken.None);
        changed.WriteAdjustments = true;
        changed.DiscountAdjustmentType = "294";
        await settings.SaveAsync(h.Practice.Tenant, RewardsTestData.Staff, changed, CancellationToken.None);
    }

    public override async Task CauseAsync(MixedWritebackHarness h, Guid patientId, string step, Random random)
    {
        var (_, error) = await h.App.Services.GetRequiredService<PatientAdjustments>().AddAsync(h.Practice.Tenant, RewardsTestData.Staff, patientId,
            new AdjustmentInput(random.Next(100, 10_000) / 100m, AdjustmentEffect.Credit, null, null, $"Adjustment {step}"), CancellationToken.None);
        Assert.Null(error);
    }

    public override int Stored(OpenDentalApiTestDouble api, string reference) => api.AdjustmentsPosted.Count(a => a.AdjNote.Contains(reference, StringComparison.Ordinal));
}

/// <summary>A signed agreement a person attaches on a profile, attached to the PMS chart in the double's first image category.</summary>
public sealed class DocumentWrites : MixedWriteKind
{
    public override string Kind => WritebackKinds.Document;

    public override DoubleWriteEndpoint Endpoint(OpenDentalApiTestDouble api) => api.DocumentWrites;

    public override async Task PrepareAsync(MixedWritebackHarness h)
    {
        var settings = h.App.Services.GetRequiredService<WritebackSettingsService>();
        var changed = await settings.GetAsync(h.Practice.Tenant, CancellationToken.None);
        changed.WriteDocuments = true;
        await settings.SaveAsync(h.Practice.Tenant, RewardsTestData.Staff, changed, CancellationToken.None);
    }

    public override async Task CauseAsync(MixedWritebackHarness h, Guid patientId, string step, Random random) =>
        Assert.Null((await h.App.Services.GetRequiredService<DentalHub.Documents.PatientDocuments>().AddAsync(h.Practice.Tenant, RewardsTestData.Staff, patientId,
            new DentalHub.Documents.DocumentInput($"agreement-{step}.pdf", DentalHub.Tests.Documents.DocumentWritebackSuite.Pdf, null, $"Agreement {step}"), CancellationToken.None)).Error);

    public override int Stored(OpenDentalApiTestDouble api, string reference) => api.Documents.Count(d => d.Description.Contains(reference, StringComparison.Ordinal));
}

/// <summary>
/// An appointment booked from DentalHub, each in a slot of its own (half an hour, two chairs, a provider's full days from
/// tomorrow on) so the schedule never refuses one: what is tested is that each is booked once, not the slot check.
/// </summary>
public sealed class AppointmentWrites : MixedWriteKind
{
    private const int Days = 120;
    private const int SlotsPerDay = 36;

    public override string Kind => WritebackKinds.Appointment;

    public override DoubleWriteEndpoint Endpoint(OpenDentalApiTestDouble api) => api.AppointmentWrites;

    public override async Task PrepareAsync(MixedWritebackHarness h)
    {
        h.Api.Put("providers", 1, new Dictionary<string, object?> { ["ProvNum"] = "1", ["Abbr"] = "DOC1", ["FName"] = "Dana", ["LName"] = "Doc", ["IsHidden"] = "false", ["IsSecondary"] = "false" });
        foreach (var chair in new[] { "1", "2" })
        {
            h.Api.Put("operatories", long.Parse(chair, CultureInfo.InvariantCulture),
                new Dictionary<string, object?> { ["OperatoryNum"] = chair, ["OpName"] = $"Op {chair}", ["Abbrev"] = $"OP{chair}", ["IsHidden"] = "false", ["ItemOrder"] = chair });
        }
        for (var day = 1; day <= Days; day++)
        {
            h.Api.Put(OpenDentalApiTestDouble.Schedules, day, new Dictionary<string, object?>
            {
                ["ScheduleNum"] = day.ToString(CultureInfo.InvariantCulture), ["SchedDate"] = h.FirstBookableDay.AddDays(day - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["StartTime"] = "08:00:00", ["StopTime"] = "17:00:00", ["SchedType"] = "Provider", ["ProvNum"] = "1",
                ["BlockoutType"] = "0", ["blockoutType"] = "", ["Note"] = "", ["operatories"] = "1,2", ["EmployeeNum"] = "0",
            });
        }
        await h.App.SyncAsync(h.Practice, h.ConnectionId, SyncResources.Providers, SyncResources.Operatories, SyncResources.Schedules);
        var settings = h.App.Services.GetRequiredService<WritebackSettingsService>();
        var changed = await settings.GetAsync(h.Practice.Tenant, CancellationToken.None);
        changed.WriteAppointments = true;
        await settings.SaveAsync(h.Practice.Tenant, RewardsTestData.Staff, changed, CancellationToken.None);
    }

    public override Task CauseAsync(MixedWritebackHarness h, Guid patientId, string step, Random random) => BookAsync(h, patientId, step);

    /// <summary>Books <paramref name="patientId"/> in the next slot of its own.</summary>
    public static async Task BookAsync(MixedWritebackHarness h, Guid patientId, string step)
    {
        var slot = h.NextSlot();
        Assert.True(slot < Days * SlotsPerDay, "More bookings than the prepared days hold.");
        var start = h.FirstBookableDay.AddDays(slot / SlotsPerDay).ToDateTime(new TimeOnly(8, 0)).AddMinutes(slot % SlotsPerDay / 2 * 30);
        var outcome = await h.App.Services.GetRequiredService<AppointmentBookings>().BookAsync(h.Practice.Tenant, RewardsTestData.Staff,
            new BookingRequest(patientId, "1", (1 + slot % 2).ToString(CultureInfo.InvariantCulture), start, 30, null, $"Visit {step}"), CancellationToken.None);
        Assert.True(outcome.Change is not null, $"booking {step} refused: {outcome.Refusal?.Message}");
    }

    public override int Stored(OpenDentalApiTestDouble api, string reference) => api.AllAppointments.Count(a => a.Note.Contains(reference, StringComparison.Ordinal));
}

/// <summary>
/// A profile the PMS does not have (a last name of its own), booked from DentalHub: added to the PMS as a new patient, then
/// booked. It ignores the synced patient it is given; <see cref="AppointmentWrites"/> prepares the schedule and the setting.
/// </summary>
public sealed class NewPatientWrites : MixedWriteKind
{
    // Shared by the suites of both databases, which run at once: each reference is a profile of its own.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> lastNames = new();

    public override string Kind => WritebackKinds.NewPatient;

    public override IReadOnlyList<string> Records => [WritebackKinds.NewPatient, WritebackKinds.Appointment];

    public override DoubleWriteEndpoint Endpoint(OpenDentalApiTestDouble api) => api.PatientWrites;

    public override async Task CauseAsync(MixedWritebackHarness h, Guid patientId, string step, Random random)
    {
        var lastName = $"New{step}";
        var profile = await h.App.AddPatientAsync(h.Practice, "Nova", lastName, new DateOnly(1991, 4, 5));
        lastNames[$"DHP-{profile:N}".ToUpperInvariant()] = lastName;
        await AppointmentWrites.BookAsync(h, profile, step);
    }

    /// <summary>The patients marked with the reference, or every patient of its profile's name when more were added.</summary>
    public override int Stored(OpenDentalApiTestDouble api, string reference) => Math.Max(
        api.PatFields.Count(f => f.FieldValue == reference),
        api.Patients.Count(p => p.LName == lastNames.GetValueOrDefault(reference)));
}
