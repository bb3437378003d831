using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Payments;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// Reads patients and writes payments through Open Dental's REST API (remote, Local API or API Service). Changes are
/// found with <c>GET /patients/Simple?DateTStamp=</c>; the next cursor is the API's own
/// <c>serverDateTime</c>, so the office's clock, not ours, decides what "since" means.
/// </summary>
internal sealed class OpenDentalApiConnector(
    OpenDentalApiClient reads, OpenDentalApiClient checks, ApiSettings settings, IWritesPayments payments)
    : IConnector, IReadsPatients, IWritesPayments
{
    public static OpenDentalApiConnector Create(ApiSettings settings, ConnectorContext context)
    {
        var http = context.HttpClients.CreateClient(OpenDentalConnector.HttpClientName);
        return new OpenDentalApiConnector(
            new OpenDentalApiClient(http, settings, ApiResilience.Create(context.Time, ApiResilience.ReadRetries, settings.RequestTimeout)),
            new OpenDentalApiClient(http, settings, ApiResilience.Create(context.Time, ApiResilience.CheckRetries, settings.RequestTimeout)),
            settings,
            OpenDentalPaymentWriter.Create(settings, context));
    }

    public Task<WriteOutcome> WritePaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken) =>
        payments.WritePaymentAsync(payment, cancellationToken);

    public Task<FindOutcome> FindWrittenPaymentAsync(PmsPaymentWrite payment, CancellationToken cancellationToken) =>
        payments.FindWrittenPaymentAsync(payment, cancellationToken);

    public Task<IReadOnlyList<PmsPaymentType>> ReadPaymentTypesAsync(CancellationToken cancellationToken) =>
        payments.ReadPaymentTypesAsync(cancellationToken);

    public async Task<ConnectionCheckResult> CheckConnectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            await checks.GetPatientsAsync(dateTStamp: null, offset: 0, limit: 1, cancellationToken);
            return ConnectionCheckResult.Ok($"Connected to Open Dental's API at {settings.Address}; the keys may read patients.");
        }
        catch (OpenDentalApiException e)
        {
            return ConnectionCheckResult.Failed(e.Message);
        }
    }

    /// <summary>The API has no count; progress is shown without a total.</summary>
    public Task<int?> CountPatientsAsync(CancellationToken cancellationToken) => Task.FromResult<int?>(null);

    /// <summary>
    /// Pages through Limit/Offset until a short page. Offsets cannot be resumed safely (the results
    /// are unsorted and shift as patients change), so every page but the last carries the cursor this
    /// read started from: a read stopped half-way starts over, repeating rows but never skipping any.
    /// The last page carries the earliest serverDateTime of this read; anything changed after the
    /// first request is asked for again next time.
    /// </summary>
    public async IAsyncEnumerable<ChangePage<PmsPatient>> ReadPatientsChangedSince(
        SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = ApiCursor.Parse(cursor);
        var since = start.DateTStampParameter;
        DateTime? readStartedAt = null;
        List<PmsPatient>? held = null;
        for (var offset = 0; ; )
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = await reads.GetPatientsAsync(since, offset, OpenDentalApiClient.PageLimit, cancellationToken);
            readStartedAt = Earliest(readStartedAt, rows);
            var patients = rows.Select(r => r.ToPmsPatient()).ToList();
            if (rows.Count < OpenDentalApiClient.PageLimit)
            {
                var next = new ApiCursor(readStartedAt ?? start.ServerTime).ToSyncCursor();
                if (held is not null)
                {
                    yield return new ChangePage<PmsPatient>(held, patients.Count == 0 ? next : start.ToSyncCursor());
                }
                if (patients.Count > 0)
                {
                    yield return new ChangePage<PmsPatient>(patients, next);
                }
                yield break;
            }
            // Held back one page so that the last page with rows can carry the new cursor.
            if (held is not null)
            {
                yield return new ChangePage<PmsPatient>(held, start.ToSyncCursor());
            }
            held = patients;
            offset += rows.Count;
        }
    }

    // serverDateTime is in every item of GET /patients/Simple (both were added in 21.2). Without
    // it the read keeps its starting cursor: repeated next time, never skipped.
    private static DateTime? Earliest(DateTime? current, IReadOnlyList<ApiPatient> rows)
    {
        foreach (var row in rows)
        {
            if (ApiCursor.ParseWire(row.ServerDateTime) is { } serverTime && (current is null || serverTime < current))
            {
                current = serverTime;
            }
        }
        return current;
    }
}
