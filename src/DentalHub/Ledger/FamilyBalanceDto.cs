namespace DentalHub.Ledger;

/// <summary>
/// A family's balance and its aging as the PMS last computed them. The buckets add up to the total, except for a
/// family in credit: nothing in any bucket and the credit as a negative total.
/// </summary>
/// <param name="Id">The account holder's (guarantor's) patient id in the PMS: a family has one balance.</param>
/// <param name="PatientId">The account holder's DentalHub profile; null until the account holder is synced.</param>
/// <param name="InsuranceEstimate">What insurance is expected to pay on pending claims.</param>
/// <param name="PatientPortion">What the family owes once insurance pays its estimate.</param>
public sealed record FamilyBalanceDto(
    string Id, Guid ConnectionId, Guid? PatientId, decimal Aged0To30, decimal Aged31To60, decimal Aged61To90, decimal AgedOver90, decimal Total,
    decimal InsuranceEstimate, decimal PatientPortion, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt)
{
    public static FamilyBalanceDto From(FamilyBalance b, Guid? patientId) => new(
        b.PmsId, b.ConnectionId, patientId, b.Aged0To30, b.Aged31To60, b.Aged61To90, b.AgedOver90, b.Total, b.InsuranceEstimate, b.PatientPortion,
        b.UpdatedAt, b.DeletedAt);
}
