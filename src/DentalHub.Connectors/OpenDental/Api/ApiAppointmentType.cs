using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// One item of <c>GET /appointmenttypes</c> (opendental.com/site/apiappointmenttypes.html, 22.4.10+), a plain
/// list without a change filter. The colour comes as <c>appointmentTypeColor</c>, "red,green,blue"; the time
/// pattern as in the database, one character per five minutes.
/// </summary>
internal sealed record ApiAppointmentType(
    long AppointmentTypeNum,
    string? AppointmentTypeName,
    string? AppointmentTypeColor,
    string? IsHidden,
    string? Pattern) : IServerTimed
{
    public string? ServerDateTime => null;

    public PmsAppointmentType ToPmsAppointmentType() => new(
        PmsId: PatientMapping.Id(AppointmentTypeNum),
        Name: PatientMapping.Text(AppointmentTypeName),
        LengthMinutes: ScheduleCodes.LengthOf(Pattern),
        Color: ScheduleCodes.ColorOfRgb(AppointmentTypeColor),
        IsHidden: ApiBool.Of(IsHidden));
}
