using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Api;
using DentalHub.Connectors.OpenDental.Database;
using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Appointments;

/// <summary>
/// Books appointments through Open Dental's API (<c>POST /appointments</c>, our reference in the Note, found again with
/// <c>GET /appointments?PatNum=</c>) and changes them (<c>PUT /appointments/{AptNum}</c>, <c>.../Confirm</c>,
/// <c>.../Break</c>, found by <c>GET /appointments/{AptNum}</c> already as wanted). A change found not done is sent
/// again: the same PUT twice leaves the appointment as one would. Used by API mode, and by database mode with API keys.
/// </summary>
internal sealed class OpenDentalAppointmentWriter(WritePoster poster, OpenDentalApiClient reads) : IWritesAppointments
{
    public static OpenDentalAppointmentWriter Create(ApiSettings settings, ConnectorContext context) => new(
        WritePoster.Create(settings, context), WritePoster.ReadBack(settings, context));

    public async Task<WriteOutcome> WriteAppointmentAsync(PmsAppointmentWrite write, CancellationToken cancellationToken)
    {
        var (request, problem) = AppointmentWire.From(write);
        if (request is null)
        {
            return new WriteOutcome.Refused(problem!);
        }
        return request.AptNum is { } aptNum
            ? await poster.PutAsync(request.Path, request.Body, AppointmentMessages.Write, aptNum, cancellationToken)
            : await poster.PostAsync(request.Path, request.Body, AppointmentMessages.Write, cancellationToken);
    }

    public async Task<FindOutcome> FindWrittenAppointmentAsync(PmsAppointmentWrite write, CancellationToken cancellationToken)
    {
        if (AppointmentWire.From(write).Request is not { } request)
        {
            // WriteAppointmentAsync refuses these before sending anything.
            return new FindOutcome.NotFound();
        }
        if (request.AptNum is not { } aptNum)
        {
            var patNum = long.Parse(write.PmsPatientId, CultureInfo.InvariantCulture);
            var query = new KeyValuePair<string, string>[] { new("PatNum", patNum.ToString(CultureInfo.InvariantCulture)) };
            return await ReferenceSearch.FindAsync<ApiAppointment>(reads, "appointments", query, "appointments",
                a => a.PatNum == patNum && ReferenceNote.Carries(a.Note, write.Reference), a => a.AptNum, cancellationToken, ApiAppointment.Json);
        }
        try
        {
            var found = await reads.GetOneOrNullAsync<ApiAppointment>($"appointments/{aptNum.ToString(CultureInfo.InvariantCulture)}", "appointment",
                cancellationToken, ApiAppointment.Json);
            return found is not null && AlreadyAsWanted(found, write)
                ? new FindOutcome.Found(aptNum.ToString(CultureInfo.InvariantCulture))
                : new FindOutcome.NotFound();
        }
        catch (OpenDentalApiException e)
        {
            return new FindOutcome.CouldNotCheck(e.Message);
        }
    }

    public async Task<IReadOnlyList<PmsSlot>?> ReadOpenSlotsAsync(PmsSlotQuery query, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("date", query.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("lengthMinutes", query.LengthMinutes.ToString(CultureInfo.InvariantCulture)),
        };
        if (AppointmentWire.Number(query.ProviderPmsId, out var provNum))
        {
            parameters.Add(new("ProvNum", provNum.ToString(CultureInfo.InvariantCulture)));
        }
        if (AppointmentWire.Number(query.OperatoryPmsId, out var opNum))
        {
            parameters.Add(new("OpNum", opNum.ToString(CultureInfo.InvariantCulture)));
        }
        try
        {
            var slots = new List<PmsSlot>();
            for (var offset = 0; ; )
            {
                var page = await reads.GetListAsync<ApiSlot>("appointments/Slots", parameters, offset, "open slots", cancellationToken);
                slots.AddRange(page.Select(ToSlot).OfType<PmsSlot>());
                if (page.Count < OpenDentalApiClient.PageLimit)
                {
                    return slots;
                }
                offset += page.Count;
            }
        }
        catch (OpenDentalApiException)
        {
            return null;
        }
    }

    private static PmsSlot? ToSlot(ApiSlot slot) =>
        ApiCursor.ParseWire(slot.DateTimeStart) is { } start && ApiCursor.ParseWire(slot.DateTimeEnd) is { } end
            ? new PmsSlot(start, end, PatientMapping.OptionalId(slot.ProvNum), PatientMapping.OptionalId(slot.OpNum))
            : null;

    private static bool AlreadyAsWanted(ApiAppointment found, PmsAppointmentWrite write) => write.Action switch
    {
        AppointmentWriteAction.Confirm => string.Equals(found.ConfirmedName?.Trim(), "Confirmed", StringComparison.OrdinalIgnoreCase),
        AppointmentWriteAction.Cancel => found.ToPmsAppointment().Status is PmsAppointmentStatus.Broken or PmsAppointmentStatus.Unscheduled,
        _ => found.AptDateTime?.Trim() == AppointmentWire.Wire(write.StartLocal!.Value)
            && found.Op.ToString(CultureInfo.InvariantCulture) == write.OperatoryPmsId
            && found.ProvNum.ToString(CultureInfo.InvariantCulture) == write.ProviderPmsId
            && (write.LengthMinutes is not { } minutes || AppointmentQuery.LengthOf(found.Pattern) == minutes),
    };
}
