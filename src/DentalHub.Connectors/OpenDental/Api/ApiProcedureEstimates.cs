namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// The insurance estimates of procedures on appointments read through the API, summed by procedure
/// (<see cref="ClaimProcEstimates"/>). <c>GET /claimprocs</c> filters by one ProcNum, PatNum, ClaimNum, ClaimPaymentNum
/// or Status per request, and by no change stamp, so:
/// <list type="bullet">
/// <item>a first read takes the whole list once (a request per 100 claimprocs);</item>
/// <item>a later read asks for the claimprocs of each patient of the page's changed appointments that have procedures:
/// a request per patient (one more per 100 claimprocs the patient has), rather than one per procedure.</item>
/// </list>
/// With no change stamp to follow, an estimate edited in Open Dental reaches the hub in API mode when its appointment
/// next changes (database mode follows claimproc's SecDateTEdit).
/// </summary>
internal sealed class ApiProcedureEstimates(OpenDentalApiClient client)
{
    private const string What = "insurance estimates";

    /// <summary>Every procedure's estimates; read once, on the first page of a first read.</summary>
    private Dictionary<long, ClaimProcEstimates.Share>? all;

    /// <summary>The estimates of the procedures of <paramref name="patientPmsIds"/> (of every procedure on a first read), by ProcNum.</summary>
    public async Task<IReadOnlyDictionary<long, ClaimProcEstimates.Share>> OfAsync(IEnumerable<string> patientPmsIds, bool firstRead, CancellationToken cancellationToken)
    {
        if (firstRead)
        {
            return all ??= await SumAsync([], [], cancellationToken);
        }
        var shares = new Dictionary<long, ClaimProcEstimates.Share>();
        foreach (var patient in patientPmsIds.Distinct(StringComparer.Ordinal))
        {
            await SumAsync([new("PatNum", patient)], shares, cancellationToken);
        }
        return shares;
    }

    private async Task<Dictionary<long, ClaimProcEstimates.Share>> SumAsync(
        IReadOnlyList<KeyValuePair<string, string>> filter, Dictionary<long, ClaimProcEstimates.Share> shares, CancellationToken cancellationToken)
    {
        await foreach (var claimProc in ApiList.ItemsAsync<ApiClaimProc>(client, "claimprocs", filter, What, ApiLedgerWire.Json, cancellationToken))
        {
            if (claimProc.ProcNum <= 0)
            {
                continue;
            }
            var share = claimProc.ToShare();
            shares[claimProc.ProcNum] = shares.TryGetValue(claimProc.ProcNum, out var sum)
                ? new ClaimProcEstimates.Share(sum.Insurance + share.Insurance, sum.WriteOff + share.WriteOff)
                : share;
        }
        return shares;
    }
}
