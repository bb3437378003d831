using DentalHub.Data;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payouts;

/// <summary>The deposit commands of a payout: one per plan version, the newest is the one that counts.</summary>
public static class PayoutCommands
{
    public static Task<WritebackCommand?> LatestAsync(DentalHubDb db, Guid payoutId, CancellationToken cancellationToken) =>
        db.WritebackCommands.AsNoTracking()
            .Where(c => c.SubjectId == payoutId && c.Kind == WritebackKinds.Deposit)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Reference)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Removes a command that was certainly never sent (Pending, at the version read, so no dispatcher has
    /// claimed it since). False when it may be on its way; then it must run its course.
    /// </summary>
    public static async Task<bool> WithdrawAsync(DentalHubDb db, WritebackCommand command, CancellationToken cancellationToken) =>
        command.State == WritebackState.Pending
        && await db.WritebackCommands.Where(c => c.Id == command.Id && c.Version == command.Version && c.State == WritebackState.Pending)
            .ExecuteDeleteAsync(cancellationToken) == 1;
}
