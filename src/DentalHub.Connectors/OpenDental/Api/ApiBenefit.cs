namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// One item of <c>GET /benefits</c> (opendental.com/site/apibenefits.html): enums by name ("Limitations",
/// "CalendarYear", "Individual"), MonetaryAmt -1 for empty. Without PlanNum or PatPlanNum (23.2.62+) it lists
/// every benefit; it has no change filter.
/// </summary>
internal sealed record ApiBenefit(
    long BenefitNum,
    long PlanNum,
    long PatPlanNum,
    long CovCatNum,
    string? BenefitType,
    double MonetaryAmt,
    string? TimePeriod,
    string? QuantityQualifier,
    long CodeNum,
    string? CoverageLevel)
{
    /// <summary>
    /// The plan's yearly maximum or deductible for one person, as database mode reads it (benefit type, a
    /// calendar or service year, individual, no quantity, code or patient override, not empty). Only
    /// benefits without a category count here: the API gives no covcat's X12 category to tell a general one.
    /// </summary>
    public bool IsYearlyIndividualGeneral(string type) =>
        Is(BenefitType, type)
        && (Is(TimePeriod, "CalendarYear") || Is(TimePeriod, "ServiceYear"))
        && Is(CoverageLevel, "Individual")
        && (QuantityQualifier is null || Is(QuantityQualifier, "None"))
        && CodeNum == 0 && CovCatNum == 0 && PatPlanNum == 0 && MonetaryAmt >= 0;

    private static bool Is(string? value, string name) => string.Equals(value?.Trim(), name, StringComparison.OrdinalIgnoreCase);
}
