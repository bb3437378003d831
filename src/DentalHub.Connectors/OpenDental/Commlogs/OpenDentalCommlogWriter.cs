using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Api;
using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Commlogs;

/// <summary>
/// Files communication logs through Open Dental's API (<c>POST /commlogs</c>) and finds them again by the
/// reference in their Note (<c>GET /commlogs?PatNum=</c>). Used by API mode, and by database mode when the
/// connection also has API keys.
/// </summary>
internal sealed class OpenDentalCommlogWriter(WritePoster poster, OpenDentalApiClient reads) : IWritesCommlogs
{
    public static OpenDentalCommlogWriter Create(ApiSettings settings, ConnectorContext context) => new(
        WritePoster.Create(settings, context), WritePoster.ReadBack(settings, context));

    public async Task<WriteOutcome> WriteCommlogAsync(PmsCommlogWrite commlog, CancellationToken cancellationToken)
    {
        var (body, problem) = ApiCommlogPost.From(commlog);
        return body is null
            ? new WriteOutcome.Refused(problem!)
            : await poster.PostAsync("commlogs", body.ToJson(), CommlogMessages.Write, cancellationToken);
    }

    /// <summary>
    /// Pages through the patient's commlogs (<c>GET /commlogs?PatNum=</c>) for one whose Note carries our reference.
    /// The DateTStamp filter would shorten this but exists only from 25.1.13.
    /// </summary>
    public async Task<FindOutcome> FindWrittenCommlogAsync(PmsCommlogWrite commlog, CancellationToken cancellationToken)
    {
        if (!ReferenceNote.IsUsable(commlog.Reference)
            || !long.TryParse(commlog.PmsPatientId, NumberStyles.None, CultureInfo.InvariantCulture, out var patNum))
        {
            // WriteCommlogAsync refuses these before sending anything.
            return new FindOutcome.NotFound();
        }
        var query = new KeyValuePair<string, string>[] { new("PatNum", patNum.ToString(CultureInfo.InvariantCulture)) };
        return await ReferenceSearch.FindAsync<ApiCommlog>(reads, "commlogs", query, "communication logs",
            c => c.PatNum == patNum && ReferenceNote.Carries(c.Note, commlog.Reference), c => c.CommlogNum, cancellationToken);
    }
}
