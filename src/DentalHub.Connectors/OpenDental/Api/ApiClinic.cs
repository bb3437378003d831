using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// One item of <c>GET /clinics</c> (opendental.com/site/apiclinics.html), a plain list without a change
/// filter. The API lists only clinics that are not hidden, so a clinic hidden in Open Dental simply stops
/// coming and stays stored in the hub as it was last read.
/// </summary>
internal sealed record ApiClinic(
    long ClinicNum,
    string? Description,
    string? Abbr,
    string? Address,
    string? Address2,
    string? City,
    string? State,
    string? Zip,
    string? Phone,
    string? IsHidden) : IServerTimed
{
    public string? ServerDateTime => null;

    public PmsClinic ToPmsClinic() => new(
        PmsId: PatientMapping.Id(ClinicNum),
        Name: PatientMapping.Text(Description),
        Abbreviation: PatientMapping.Text(Abbr),
        Address: new PmsAddress(
            PatientMapping.Text(Address), PatientMapping.Text(Address2), PatientMapping.Text(City),
            PatientMapping.Text(State), PatientMapping.Text(Zip)),
        Phone: PatientMapping.Text(Phone),
        IsHidden: ApiBool.Of(IsHidden));
}
