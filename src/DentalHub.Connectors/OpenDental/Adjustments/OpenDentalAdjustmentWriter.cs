using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Api;
using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Adjustments;

/// <summary>
/// Posts adjustments through Open Dental's API (<c>POST /adjustments</c>) and finds them again by the reference in
/// their AdjNote (<c>GET /adjustments?PatNum=</c>). Used by API mode, and by database mode when the connection also
/// has API keys.
/// </summary>
internal sealed class OpenDentalAdjustmentWriter(WritePoster poster, OpenDentalApiClient reads) : IWritesAdjustments
{
    public static OpenDentalAdjustmentWriter Create(ApiSettings settings, ConnectorContext context) => new(
        WritePoster.Create(settings, context), WritePoster.ReadBack(settings, context));

    public async Task<WriteOutcome> WriteAdjustmentAsync(PmsAdjustmentWrite adjustment, CancellationToken cancellationToken)
    {
        var (body, problem) = ApiAdjustmentPost.From(adjustment);
        return body is null
            ? new WriteOutcome.Refused(problem!)
            : await poster.PostAsync("adjustments", body.ToJson(), AdjustmentMessages.Write, cancellationToken);
    }

    /// <summary>Pages through the patient's adjustments (GET /adjustments has no change filter) for one whose AdjNote carries our reference.</summary>
    public async Task<FindOutcome> FindWrittenAdjustmentAsync(PmsAdjustmentWrite adjustment, CancellationToken cancellationToken)
    {
        if (!ReferenceNote.IsUsable(adjustment.Reference) || ApiAdjustmentPost.Number(adjustment.PmsPatientId) is not { } patNum)
        {
            // WriteAdjustmentAsync refuses these before sending anything.
            return new FindOutcome.NotFound();
        }
        var query = new KeyValuePair<string, string>[] { new("PatNum", patNum.ToString(CultureInfo.InvariantCulture)) };
        return await ReferenceSearch.FindAsync<ApiWrittenAdjustment>(reads, "adjustments", query, "adjustments",
            a => a.PatNum == patNum && ReferenceNote.Carries(a.AdjNote, adjustment.Reference), a => a.AdjNum, cancellationToken);
    }

    /// <summary>Category 1; a type whose ItemValue is neither "+" nor "-" cannot be posted through the API and is left out.</summary>
    public async Task<IReadOnlyList<PmsAdjustmentType>> ReadAdjustmentTypesAsync(CancellationToken cancellationToken) =>
        (await ApiDefinition.ReadCategoryAsync(reads, ApiDefinition.AdjustmentTypes, "adjustment types", cancellationToken))
            .Where(d => d.ItemValue is "+" or "-")
            .Select(d => new PmsAdjustmentType(d.Id, d.Name, d.ItemValue == "+" ? AdjustmentEffect.Debit : AdjustmentEffect.Credit, d.Hidden))
            .ToList();
}
