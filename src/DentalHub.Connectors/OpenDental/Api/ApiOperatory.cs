using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// One item of <c>GET /operatories</c> (opendental.com/site/apioperatories.html), a plain list without a
/// change filter: booleans as the strings "true"/"false", provider and clinic numbers 0 for none.
/// </summary>
internal sealed record ApiOperatory(
    long OperatoryNum,
    string? OpName,
    string? Abbrev,
    int ItemOrder,
    string? IsHidden,
    long ProvDentist,
    long ProvHygienist,
    string? IsHygiene,
    long ClinicNum) : IServerTimed
{
    public string? ServerDateTime => null;

    public PmsOperatory ToPmsOperatory() => new(
        PmsId: PatientMapping.Id(OperatoryNum),
        Name: PatientMapping.Text(OpName),
        Abbreviation: PatientMapping.Text(Abbrev),
        ClinicPmsId: PatientMapping.OptionalId(ClinicNum),
        DentistPmsId: PatientMapping.OptionalId(ProvDentist),
        HygienistPmsId: PatientMapping.OptionalId(ProvHygienist),
        IsHygiene: ApiBool.Of(IsHygiene),
        IsHidden: ApiBool.Of(IsHidden),
        SortOrder: ItemOrder);
}
