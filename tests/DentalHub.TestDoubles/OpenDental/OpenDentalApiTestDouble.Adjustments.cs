using System.Globalization;
using Microsoft.AspNetCore.Builder;

namespace DentalHub.TestDoubles.OpenDental;

/// <summary>
/// <c>POST /adjustments</c>, as https://opendental.com/site/apiadjustments.html describes it (22.2.22): PatNum,
/// AdjType (a definition of category 1 whose ItemValue is "+" or "-"), AdjAmt (positive for a "+" type, negative
/// for a "-" one) and AdjDate ("yyyy-MM-dd", not a future date) required; ProvNum defaults to the patient's
/// PriProv, ClinicNum to the patient's; ProcDate defaults to today; AdjNote optional; 201 with the adjustment.
/// What it creates is read back by <c>GET /adjustments?PatNum=</c> (the account list, OpenDentalApiTestDouble.Ledger.cs).
/// </summary>
public sealed partial class OpenDentalApiTestDouble
{
    private readonly List<DoubleAdjustment> adjustmentsPosted = [];

    /// <summary>POST /adjustments: its bodies, posts, faults to meet and timing.</summary>
    public DoubleWriteEndpoint AdjustmentWrites { get; }

    /// <summary>The adjustments POST /adjustments created.</summary>
    public IReadOnlyList<DoubleAdjustment> AdjustmentsPosted
    {
        get { lock (gate) { return adjustmentsPosted.ToList(); } }
    }

    private void MapAdjustmentWrites() =>
        app.MapPost("/api/v1/adjustments", context => PostAsync(context, AdjustmentWrites, CreateAdjustment));

    // Callers hold the gate.
    private (int Status, object Answer) CreateAdjustment(string body)
    {
        if (ReadForPatient(body, out var json, out var patient) is { } refused)
        {
            return refused;
        }
        if (Field(json, "AdjType") is not { } typeText)
        {
            return (400, "AdjType is required.");
        }
        if (!long.TryParse(typeText, CultureInfo.InvariantCulture, out var adjType)
            || definitions.FirstOrDefault(d => d.DefNum == adjType && d.Category == DoubleDefinition.AdjTypes) is not { ItemValue: "+" or "-" } type)
        {
            return (400, "AdjType is invalid.");
        }
        if (Field(json, "AdjAmt") is not { } amountText)
        {
            return (400, "AdjAmt is required.");
        }
        if (!decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            return (400, "AdjAmt is invalid.");
        }
        if (type.ItemValue == "+" ? amount <= 0 : amount >= 0)
        {
            return (400, type.ItemValue == "+"
                ? "AdjAmt must be positive for an AdjType with an ItemValue of \"+\"."
                : "AdjAmt must be negative for an AdjType with an ItemValue of \"-\".");
        }
        if (Field(json, "AdjDate") is not { } dateText)
        {
            return (400, "AdjDate is required.");
        }
        var today = DateOnly.FromDateTime(OfficeNow);
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var adjDate))
        {
            return (400, "AdjDate is not in a valid format.");
        }
        if (adjDate > today)
        {
            return (400, "AdjDate cannot be a future date.");
        }
        var provNum = patient.PriProv;
        if (Field(json, "ProvNum") is { } providerText && (!long.TryParse(providerText, CultureInfo.InvariantCulture, out provNum) || provNum <= 0))
        {
            return (400, "ProvNum is invalid.");
        }
        var adjNum = Math.Max(ListOf("adjustments").Keys.DefaultIfEmpty(5000).Max(), adjustmentsPosted.Select(a => a.AdjNum).DefaultIfEmpty(5000).Max()) + 1;
        var adjustment = new DoubleAdjustment(adjNum, patient.PatNum, adjType, amount, adjDate, provNum, patient.ClinicNum, Field(json, "AdjNote") ?? "", today);
        adjustmentsPosted.Add(adjustment);
        var item = new DoubleItem(adjNum, adjustment.Fields(type.ItemName), OfficeNow);
        ListOf("adjustments")[adjNum] = item;
        return (201, item.ToJson("SecDateTEdit", null));
    }
}
