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
    /// Clears the way for a new plan of the payout: the newest command is withdrawn if it was never sent. False
    /// when it may be on its way to the books or is there; then it must run its course and the lines stay.
    /// </summary>
    public static async Task<bool> ClearForNewPlanAsync(DentalHubDb db, WritebackCommand? newest, CancellationToken cancellationToken) =>
        newest is not { State: WritebackState.Sending or WritebackState.Unknown or WritebackState.Accepted or WritebackState.Confirmed or WritebackState.HandledByHand }
        && (newest is not { State: WritebackState.Pending } || await WithdrawAsync(db, newest, cancellationToken));

    /// <summary>
    /// Removes a command that was certainly never sent (Pending, at the version read, so no dispatcher has
    /// claimed it since). False when it may be on its way; then it must run its course.
    /// </summary>
    public static async Task<bool> WithdrawAsync(DentalHubDb db, WritebackCommand command, CancellationToken cancellationToken) =>
        command.State == WritebackState.Pending
        && await db.WritebackCommands.Where(c => c.Id == command.Id && c.Version == command.Version && c.State == WritebackState.Pending)
            .ExecuteDeleteAsync(cancellationToken) == 1;
}
