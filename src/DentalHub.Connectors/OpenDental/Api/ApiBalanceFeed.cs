using System.Runtime.CompilerServices;
using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// Family balances through the API. Open Dental has no list of balances: <c>GET /accountmodules/{PatNum}/Aging</c>
/// (apiaccountmodules.html, 22.3.6+) answers one family, computed live as the Account module shows it. So the
/// families are read in one pass per office day (the office's date from <c>serverDateTime</c>): the patient list
/// (<c>GET /patients/Simple</c>, whole) gives the guarantors, then one request per family, in PatNum order, resumable
/// from the cursor. Further runs that day read nothing; the hub's <c>FamilyAging</c> over the synced ledger is the
/// up-to-the-minute figure between passes. Cost: one request per family per day plus the patient list. Patients
/// who are not the head of a family are reported deleted as balances, so a former guarantor's row goes.
/// </summary>
internal sealed class ApiBalanceFeed(OpenDentalApiClient client) : IChangeFeed<PmsFamilyBalance>
{
    public Task<int?> CountAsync(CancellationToken cancellationToken) => Task.FromResult<int?>(null);

    public async IAsyncEnumerable<ChangePage<PmsFamilyBalance>> ReadChangedSince(SyncCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = ApiBalanceCursor.Parse(cursor);
        var clock = await client.GetPatientsAsync(dateTStamp: null, offset: 0, limit: 1, cancellationToken);
        if (clock.Count == 0)
        {
            yield break;
        }
        // Without serverDateTime (older versions than 21.2) there is no office date: a pass every run.
        var today = ApiCursor.ParseWire(clock[0].ServerDateTime) is { } now ? DateOnly.FromDateTime(now) : (DateOnly?)null;
        if (today is not null && position.Day == today && position.Done)
        {
            yield break;
        }
        var after = today is not null && position.Day == today ? position.After : 0;

        var patients = await PatientsAsync(cancellationToken);
        var guarantors = patients
            .Where(p => (p.Guarantor == p.PatNum || p.Guarantor == 0) && p.ToPmsPatient().Status != PmsPatientStatus.Deleted && p.PatNum > after)
            .Select(p => p.PatNum)
            .Order()
            .ToList();
        List<string> notHeads = after == 0
            ? [.. patients.Where(p => p.Guarantor != p.PatNum && p.Guarantor != 0).Select(p => PatientMapping.Id(p.PatNum))]
            : [];
        if (guarantors.Count == 0)
        {
            yield return new ChangePage<PmsFamilyBalance>([], new ApiBalanceCursor(today, 0, true).ToSyncCursor()) { Deleted = notHeads };
            yield break;
        }
        var chunks = guarantors.Chunk(OpenDentalApiClient.PageLimit).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var balances = new List<PmsFamilyBalance>(chunks[i].Length);
            foreach (var guarantor in chunks[i])
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Null when the patient was deleted or is gone since the list was read.
                if (await client.GetOneOrNullAsync<ApiAging>($"accountmodules/{PatientMapping.Id(guarantor)}/Aging", "a family's aging", cancellationToken, ApiLedgerWire.Json) is { } aging)
                {
                    balances.Add(aging.ToBalance(guarantor));
                }
            }
            var last = i == chunks.Count - 1;
            yield return new ChangePage<PmsFamilyBalance>(balances, new ApiBalanceCursor(today, chunks[i][^1], last).ToSyncCursor())
            {
                Deleted = i == 0 ? notHeads : [],
            };
        }
    }

    private async Task<List<ApiPatient>> PatientsAsync(CancellationToken cancellationToken)
    {
        var patients = new List<ApiPatient>();
        for (var offset = 0; ; )
        {
            var page = await client.GetPatientsAsync(dateTStamp: null, offset, OpenDentalApiClient.PageLimit, cancellationToken);
            patients.AddRange(page);
            if (page.Count < OpenDentalApiClient.PageLimit)
            {
                return patients;
            }
            offset += page.Count;
        }
    }
}
