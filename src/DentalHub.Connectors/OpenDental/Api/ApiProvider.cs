using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// One item of <c>GET /providers</c> (opendental.com/site/apiproviders.html): booleans as the strings
/// "true"/"false", <c>ProvStatus</c> as its name ("Active", "Deleted"), <c>serverDateTime</c> when filtered
/// by DateTStamp (21.3+). The specialty is a definition number; its name is not read in API mode.
/// </summary>
internal sealed record ApiProvider(
    long ProvNum,
    string? Abbr,
    string? LName,
    string? FName,
    string? IsSecondary,
    string? IsHidden,
    string? NationalProvID,
    string? ProvStatus,
    string? ServerDateTime) : IServerTimed
{
    public PmsProvider ToPmsProvider() => new(
        PmsId: PatientMapping.Id(ProvNum),
        FirstName: PatientMapping.Text(FName),
        LastName: PatientMapping.Text(LName),
        Abbreviation: PatientMapping.Text(Abbr),
        Npi: PatientMapping.Text(NationalProvID),
        Specialty: null,
        IsHygienist: ApiBool.Of(IsSecondary),
        IsHidden: ApiBool.Of(IsHidden) || string.Equals(ProvStatus, "Deleted", StringComparison.OrdinalIgnoreCase),
        ClinicPmsId: null);
}

/// <summary>The API's booleans: the strings "true" and "false" (anything else is false).</summary>
internal static class ApiBool
{
    public static bool Of(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
