using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// One item of <c>GET /claims</c> (opendental.com/site/apiclaims.html): ClaimStatus and ClaimType as stored
/// ("R", "P"), dates "yyyy-MM-dd" with 0001-01-01 for none, amounts as numbers. From 23.3.11 the list needs
/// no PatNum and takes SecDateTEdit ("returns all claims on or after this date"); the items carry their
/// SecDateTEdit, which is the cursor where no serverDateTime comes with them.
/// </summary>
internal sealed record ApiClaim(
    long ClaimNum,
    long PatNum,
    string? DateService,
    string? DateSent,
    string? ClaimStatus,
    string? DateReceived,
    long PlanNum,
    decimal ClaimFee,
    decimal InsPayEst,
    decimal InsPayAmt,
    decimal WriteOff,
    string? ClaimType,
    string? SecDateTEdit,
    string? ServerDateTime) : IServerTimed
{
    public PmsClaim ToPmsClaim() => new(
        PmsId: PatientMapping.Id(ClaimNum),
        PatientPmsId: PatientMapping.OptionalId(PatNum),
        PlanPmsId: PatientMapping.OptionalId(PlanNum),
        Status: InsuranceCodes.ClaimStatus(ClaimStatus),
        ClaimType: InsuranceCodes.ClaimType(ClaimType),
        ServiceDate: InsuranceCodes.Date(DateService),
        SentOn: InsuranceCodes.Date(DateSent),
        ReceivedOn: InsuranceCodes.Date(DateReceived),
        Billed: InsuranceCodes.Money(ClaimFee),
        EstimatedPayment: InsuranceCodes.Money(InsPayEst),
        Paid: InsuranceCodes.Money(InsPayAmt),
        WriteOff: InsuranceCodes.Money(WriteOff));
}
