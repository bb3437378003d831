using System.Globalization;
using System.Text.Json;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Api;
using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Appointments;

/// <summary>
/// The bodies of Open Dental's appointment writes (opendental.com/site/apiappointments.html): <c>POST /appointments</c>
/// (PatNum, Op and AptDateTime "yyyy-MM-dd HH:mm:ss" required; ProvNum, Pattern in 5-minute characters, AppointmentTypeNum
/// and Note optional), <c>PUT /appointments/{AptNum}</c> (only the fields sent change), <c>PUT .../Confirm</c> (confirmVal)
/// and <c>PUT .../Break</c> (sendToUnscheduledList required; breakType).
/// </summary>
internal static class AppointmentWire
{
    public const int LongestMinutes = 540;


    /// <summary>The request for a write (path and body), or the reason it cannot be sent as it is.</summary>
    public static (AppointmentRequest? Request, string? Problem) From(PmsAppointmentWrite write)
    {
        if (!Number(write.PmsPatientId, out var patNum))
        {
            return (null, AppointmentMessages.BadPatient);
        }
        if (write.Action == AppointmentWriteAction.Book)
        {
            return Booking(write, patNum);
        }
        if (!Number(write.AppointmentPmsId, out var aptNum))
        {
            return (null, AppointmentMessages.BadAppointment);
        }
        var path = $"appointments/{aptNum.ToString(CultureInfo.InvariantCulture)}";
        return write.Action switch
        {
            AppointmentWriteAction.Confirm => (new(path + "/Confirm", Serialize(new Dictionary<string, string> { ["confirmVal"] = "Confirmed" }), aptNum), null),
            // Off the schedule and not onto the unscheduled list: the patient cancelled.
            AppointmentWriteAction.Cancel => (new(path + "/Break",
                Serialize(new Dictionary<string, string> { ["sendToUnscheduledList"] = "false", ["breakType"] = "Cancelled" }), aptNum), null),
            _ => Move(write, path, aptNum),
        };
    }

    public static string Pattern(int minutes) => new('X', minutes / 5);

    public static string Wire(DateTime local) => local.ToString(ApiCursor.WireFormat, CultureInfo.InvariantCulture);

    public static bool Number(string? text, out long number) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;

    private static (AppointmentRequest?, string?) Booking(PmsAppointmentWrite write, long patNum)
    {
        if (!ReferenceNote.IsUsable(write.Reference))
        {
            return (null, AppointmentMessages.BadReference);
        }
        var (place, problem) = Place(write);
        if (place is null)
        {
            return (null, problem);
        }
        long? type = null;
        if (write.AppointmentTypePmsId is not null)
        {
            if (!Number(write.AppointmentTypePmsId, out var typeNum))
            {
                return (null, AppointmentMessages.BadType);
            }
            type = typeNum;
        }
        if (write.LengthMinutes is null && type is null)
        {
            return (null, AppointmentMessages.BadLength);
        }
        var body = new Dictionary<string, object?>
        {
            ["PatNum"] = patNum,
            ["Op"] = place.Value.Op,
            ["AptDateTime"] = place.Value.Start,
            ["ProvNum"] = place.Value.ProvNum,
            ["Pattern"] = place.Value.Pattern,
            ["AppointmentTypeNum"] = type,
            ["Note"] = ReferenceNote.For(write.Reference, write.Note),
        };
        return (new("appointments", Serialize(body), null), null);
    }

    private static (AppointmentRequest?, string?) Move(PmsAppointmentWrite write, string path, long aptNum)
    {
        var (place, problem) = Place(write);
        if (place is null)
        {
            return (null, problem);
        }
        var body = new Dictionary<string, object?>
        {
            ["AptDateTime"] = place.Value.Start,
            ["Op"] = place.Value.Op,
            ["ProvNum"] = place.Value.ProvNum,
            ["Pattern"] = place.Value.Pattern,
        };
        return (new(path, Serialize(body), aptNum), null);
    }

    private static ((long Op, long ProvNum, string Start, string? Pattern)? Place, string? Problem) Place(PmsAppointmentWrite write)
    {
        if (!Number(write.ProviderPmsId, out var provNum))
        {
            return (null, AppointmentMessages.BadProvider);
        }
        if (!Number(write.OperatoryPmsId, out var op))
        {
            return (null, AppointmentMessages.BadOperatory);
        }
        if (write.StartLocal is not { } start)
        {
            return (null, AppointmentMessages.NoStart);
        }
        if (write.LengthMinutes is { } minutes && (minutes < 5 || minutes > LongestMinutes || minutes % 5 != 0))
        {
            return (null, AppointmentMessages.BadLength);
        }
        return ((op, provNum, Wire(start), write.LengthMinutes is { } length ? Pattern(length) : null), null);
    }

    // Fields left out are left as they are by a PUT, and take Open Dental's default in a POST.
    private static string Serialize(Dictionary<string, object?> body) =>
        JsonSerializer.Serialize(body.Where(f => f.Value is not null).ToDictionary());

    private static string Serialize(Dictionary<string, string> body) => JsonSerializer.Serialize(body);
}

/// <summary>One appointment request: where it goes, its JSON body, and the appointment it changes (null: a booking, a POST).</summary>
internal sealed record AppointmentRequest(string Path, string Body, long? AptNum);

/// <summary>One open slot of <c>GET /appointments/Slots</c>: its times in the office's wall clock, its provider and chair.</summary>
internal sealed record ApiSlot(string? DateTimeStart, string? DateTimeEnd, long ProvNum, long OpNum);
