using System.Globalization;

namespace DentalHub.TestDoubles.OpenDental;

/// <summary>An adjustment <c>POST /adjustments</c> created (adjustment table), kept as apiadjustments.html shows it.</summary>
public sealed record DoubleAdjustment(
    long AdjNum,
    long PatNum,
    long AdjType,
    decimal AdjAmt,
    DateOnly AdjDate,
    long ProvNum,
    long ClinicNum,
    string AdjNote,
    DateOnly DateEntry)
{
    /// <summary>The fields of GET /adjustments' items (SecDateTEdit is added by the list).</summary>
    public Dictionary<string, object?> Fields(string typeName) => new()
    {
        ["AdjNum"] = AdjNum,
        ["AdjDate"] = AdjDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["AdjAmt"] = AdjAmt,
        ["PatNum"] = PatNum,
        ["AdjType"] = AdjType,
        ["adjType"] = typeName,
        ["ProvNum"] = ProvNum,
        ["AdjNote"] = AdjNote,
        ["ProcDate"] = AdjDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["ProcNum"] = 0,
        ["DateEntry"] = DateEntry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["ClinicNum"] = ClinicNum,
        ["SecUserNumEntry"] = 0,
    };
}
