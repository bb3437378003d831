using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DentalHub.Audit;
using DentalHub.Payments;
using DentalHub.Sync;
using DentalHub.TestDoubles.OpenDental;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Bench.Writeback.Kinds;

/// <summary>
/// An appointment booked through the API, each in a half-hour slot of its own (four chairs, one provider's full days from
/// tomorrow on), so the slot check passes every time: its cost is in the figure, a refusal is not.
/// </summary>
public sealed class AppointmentKind : BenchWriteKind
{
    private const int Days = 120;
    private const int Chairs = 4;
    private const int SlotsPerChairDay = 18;
    private DateOnly firstDay;
    private int slotsTaken = -1;

    public override string Name => "appointment";

    public override string CausedBy => "POST /api/v1/appointments";

    public override DoubleWriteEndpoint Endpoint(OpenDentalApiTestDouble openDental) => openDental.AppointmentWrites;

    public override async Task PrepareAsync(WritebackHub hub, OpenDentalApiTestDouble openDental, BenchPractice practice, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(WritebackHub.TimeZoneId);
        firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), zone).DateTime).AddDays(1);
        openDental.Put("providers", 1, new Dictionary<string, object?> { ["ProvNum"] = "1", ["Abbr"] = "DOC1", ["FName"] = "Dana", ["LName"] = "Doc", ["IsHidden"] = "false", ["IsSecondary"] = "false" });
        for (var chair = 1; chair <= Chairs; chair++)
        {
            var id = chair.ToString(CultureInfo.InvariantCulture);
            openDental.Put("operatories", chair, new Dictionary<string, object?> { ["OperatoryNum"] = id, ["OpName"] = $"Op {id}", ["Abbrev"] = $"OP{id}", ["IsHidden"] = "false", ["ItemOrder"] = id });
        }
        for (var day = 1; day <= Days; day++)
        {
            openDental.Put(OpenDentalApiTestDouble.Schedules, day, new Dictionary<string, object?>
            {
                ["ScheduleNum"] = day.ToString(CultureInfo.InvariantCulture), ["SchedDate"] = firstDay.AddDays(day - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["StartTime"] = "08:00:00", ["StopTime"] = "17:00:00", ["SchedType"] = "Provider", ["ProvNum"] = "1",
                ["BlockoutType"] = "0", ["blockoutType"] = "", ["Note"] = "", ["operatories"] = "1,2,3,4", ["EmployeeNum"] = "0",
            });
        }
        var sync = hub.Services.GetRequiredService<SyncRunner>();
        foreach (var resource in new[] { SyncResources.Providers, SyncResources.Operatories, SyncResources.Schedules })
        {
            var outcome = await sync.RunAsync(practice.Tenant, practice.ConnectionId, resource, SyncTrigger.Manual, cancellationToken);
            if (outcome.Kind != SyncOutcomeKind.Completed)
            {
                throw new InvalidOperationException($"Reading {resource} did not complete: {outcome.Kind}: {outcome.Message}");
            }
        }
        var settings = hub.Services.GetRequiredService<WritebackSettingsService>();
        var changed = await settings.GetAsync(practice.Tenant, cancellationToken);
        changed.WriteAppointments = true;
        await settings.SaveAsync(practice.Tenant, AuditActor.System, changed, cancellationToken);
    }

    public override async Task CauseAsync(HttpClient client, WritebackHub hub, BenchPractice practice, int index, Guid patientId, string marker, CancellationToken cancellationToken)
    {
        var slot = Interlocked.Increment(ref slotsTaken);
        if (slot >= Days * Chairs * SlotsPerChairDay)
        {
            throw new InvalidOperationException($"More bookings than {Days} prepared days hold; lower --writes.");
        }
        var (day, rest) = Math.DivRem(slot, Chairs * SlotsPerChairDay);
        var (half, chair) = Math.DivRem(rest, Chairs);
        var start = firstDay.AddDays(day).ToDateTime(new TimeOnly(8, 0)).AddMinutes(30 * half);
        var body = new
        {
            patientId,
            providerId = "1",
            operatoryId = (chair + 1).ToString(CultureInfo.InvariantCulture),
            start = start.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            lengthMinutes = 30,
            note = marker,
        };
        using var response = await client.PostAsJsonAsync("/api/v1/appointments", body, cancellationToken);
        await ApiAnswers.EnsureAsync(response, HttpStatusCode.Accepted, "POST /api/v1/appointments", cancellationToken);
    }
}
