using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Adjustments;

/// <summary>
/// The body of <c>POST /adjustments</c> (opendental.com/site/apiadjustments.html, 22.2.22): PatNum, AdjType (a
/// definition of category 1 whose ItemValue is "+" or "-"), AdjAmt (positive for a "+" type, negative for a "-"
/// one) and AdjDate ("yyyy-MM-dd", not in the future) are required; ProvNum is left out to take the patient's
/// primary provider; AdjNote carries our reference.
/// </summary>
internal sealed record ApiAdjustmentPost(
    long PatNum,
    long AdjType,
    string AdjAmt,
    string AdjDate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ProvNum,
    string AdjNote)
{
    private static readonly JsonSerializerOptions Json = new();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The body for an adjustment, or the reason it cannot be sent as it is.</summary>
    public static (ApiAdjustmentPost? Body, string? Problem) From(PmsAdjustmentWrite adjustment)
    {
        if (!ReferenceNote.IsUsable(adjustment.Reference))
        {
            return (null, AdjustmentMessages.BadReference);
        }
        if (Number(adjustment.PmsPatientId) is not { } patNum)
        {
            return (null, AdjustmentMessages.BadPatient);
        }
        if (Number(adjustment.AdjustmentTypeId) is not { } adjType)
        {
            return (null, AdjustmentMessages.BadType);
        }
        if (adjustment.Amount == 0)
        {
            return (null, AdjustmentMessages.Zero);
        }
        // Open Dental keeps cents; rounding here would post a different amount than staff entered.
        if (decimal.Round(adjustment.Amount, 2) != adjustment.Amount)
        {
            return (null, AdjustmentMessages.FractionOfACent);
        }
        long? provNum = null;
        if (adjustment.PmsProviderId is { } providerText)
        {
            if (Number(providerText) is not { } provider)
            {
                return (null, AdjustmentMessages.BadProvider);
            }
            provNum = provider;
        }
        return (new ApiAdjustmentPost(
            patNum,
            adjType,
            adjustment.Amount.ToString("F2", CultureInfo.InvariantCulture),
            adjustment.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            provNum,
            ReferenceNote.For(adjustment.Reference, adjustment.Note)), null);
    }

    internal static long? Number(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
}

/// <summary>The fields DentalHub reads from an adjustment in Open Dental's answers (POST and GET /adjustments).</summary>
internal sealed record ApiWrittenAdjustment(long AdjNum, long PatNum, string? AdjNote);
