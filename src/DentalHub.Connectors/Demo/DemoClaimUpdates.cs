using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Demo;

/// <summary>
/// The Demo PMS's claim updates, in memory for the life of the process under the connection's ledger name (sample data
/// only). A claim stands as its latest update left it, else as the sample practice generated it. Like Open Dental it
/// refuses a claim it does not have and one whose status moved from what staff saw, and a change already made is not
/// kept twice.
/// </summary>
public sealed class DemoClaimUpdates(string name, Func<string, PmsClaim?> claimOf) : IWritesClaimUpdates
{
    public static IReadOnlyList<(PmsClaimUpdate Update, string Id)> Entries(string name) => DemoWrites<PmsClaimUpdate>.Entries(name);

    public Task<WriteOutcome> WriteClaimUpdateAsync(PmsClaimUpdate update, CancellationToken cancellationToken)
    {
        if (Standing(update.ClaimPmsId) is not { } now)
        {
            return Task.FromResult<WriteOutcome>(new WriteOutcome.Refused(
                $"The Demo PMS has no claim {update.ClaimPmsId}: read the sample practice's claims again and choose one of them."));
        }
        if (AsWanted(now, update))
        {
            return Task.FromResult<WriteOutcome>(new WriteOutcome.Written(update.ClaimPmsId));
        }
        if (now.Status != update.Expected)
        {
            return Task.FromResult<WriteOutcome>(new WriteOutcome.Refused(
                $"The claim is now {now.Status.ToString().ToLowerInvariant()} in the Demo PMS, not {update.Expected.ToString().ToLowerInvariant()} as when this change was asked for."));
        }
        DemoWrites<PmsClaimUpdate>.Keep(name, update, 1);
        return Task.FromResult<WriteOutcome>(new WriteOutcome.Written(update.ClaimPmsId));
    }

    public Task<FindOutcome> FindWrittenClaimUpdateAsync(PmsClaimUpdate update, CancellationToken cancellationToken) =>
        Task.FromResult<FindOutcome>(Standing(update.ClaimPmsId) is { } now && AsWanted(now, update)
            ? new FindOutcome.Found(update.ClaimPmsId)
            : new FindOutcome.NotFound());

    private (PmsClaimStatus Status, DateOnly? Date)? Standing(string claimId)
    {
        if (Entries(name).LastOrDefault(e => e.Update.ClaimPmsId == claimId).Update is { } latest)
        {
            return (latest.Status, latest.Date);
        }
        return claimOf(claimId) is { } claim
            ? (claim.Status, claim.Status == PmsClaimStatus.Received ? claim.ReceivedOn : claim.SentOn)
            : null;
    }

    private static bool AsWanted((PmsClaimStatus Status, DateOnly? Date) now, PmsClaimUpdate update) =>
        now.Status == update.Status && (update.Status is not (PmsClaimStatus.Sent or PmsClaimStatus.Received) || now.Date == update.Date);
}
