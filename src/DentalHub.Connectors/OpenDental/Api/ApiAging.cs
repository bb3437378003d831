using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary><c>GET /accountmodules/{PatNum}/Aging</c> (apiaccountmodules.html, 22.3.6+): the family's aging as the Account module shows it.</summary>
internal sealed record ApiAging(
    decimal Bal_0_30,
    decimal Bal_31_60,
    decimal Bal_61_90,
    decimal BalOver90,
    decimal Total,
    decimal InsEst,
    decimal EstBal)
{
    public PmsFamilyBalance ToBalance(long guarantor) => new(
        PatientMapping.Id(guarantor), PatientMapping.Id(guarantor),
        LedgerLines.Money(Bal_0_30), LedgerLines.Money(Bal_31_60), LedgerLines.Money(Bal_61_90), LedgerLines.Money(BalOver90),
        LedgerLines.Money(Total), LedgerLines.Money(InsEst), LedgerLines.Money(EstBal));
}
