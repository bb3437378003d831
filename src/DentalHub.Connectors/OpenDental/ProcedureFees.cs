namespace DentalHub.Connectors.OpenDental;

internal static class ProcedureFees
{
    /// <summary>
    /// What a procedure on an appointment costs: ProcFee times its quantity (BaseUnits + UnitQty, at least 1), as Open
    /// Dental's accounting counts it, rounded to the cent.
    /// </summary>
    public static decimal OnAppointment(decimal procFee, int baseUnits, int unitQty) =>
        Math.Round(procFee * Math.Max(1, baseUnits + unitQty), 2, MidpointRounding.AwayFromZero);
}
