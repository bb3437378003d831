using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Tests.Infrastructure;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Writeback;

/// <summary>
/// Staff marking a payment posted by hand by mistake and taking it back: the payment returns to the writeback
/// state it had, and nothing reaches the PMS twice.
/// </summary>
public sealed class StaffTakingBackPostedByHand : IAsyncLifetime
{
    private static readonly AuditActor Actor = new(AuditActorKind.User, "user-1", "Fay Financial");
    private WritebackHarness h = default!;

    public async Task InitializeAsync() => h = await WritebackHarness.StartAsync(DatabaseProvider.Sqlite);

    public Task DisposeAsync() => h.DisposeAsync().AsTask();

    private WritebackActions Actions => h.App.Services.GetRequiredService<WritebackActions>();

    [Fact]
    public async Task RefusedPayment_PostedByHandThenUndone_IsNotRecordedAgainAndSendsNothingUntilRetried()
    {
        h.Pms.WriteFaults.Enqueue(LedgerFault.Refuse);
        await h.PayAsync("ch_hand", h.PatientIds[0], 80m);
        await h.RunUntilQuietAsync();
        var refused = Assert.Single(await h.CommandsAsync());
        Assert.True(await Actions.MarkPostedByHandAsync(h.Practice.Tenant, Actor, refused.Id, CancellationToken.None));

        var undone = await Actions.UndoPostedByHandAsync(h.Practice.Tenant, Actor, refused.Id, CancellationToken.None);
        Assert.Null(await Actions.UndoPostedByHandAsync(h.Practice.Tenant, Actor, refused.Id, CancellationToken.None));

        Assert.Contains("Retry", undone);
        var back = Assert.Single(await h.CommandsAsync());
        Assert.Equal((WritebackState.Rejected, null, refused.LastError), (back.State, back.TargetId, back.LastError));
        Assert.Equal(WritebackDisplay.NotRecorded, await DisplayAsync());
        await h.RunUntilQuietAsync();
        Assert.Empty(h.Pms.Ledger);
        Assert.True(await Actions.RetryAsync(h.Practice.Tenant, Actor, refused.Id, CancellationToken.None));
        await h.RunUntilQuietAsync();
        Assert.Equal(80m, Assert.Single(h.Pms.Ledger).Amount);
        await using var db = h.App.Databases.Create(h.Practice.Tenant);
        Assert.Equal(
            ["writeback.posted-by-hand", "writeback.posted-by-hand-undone", "writeback.retried"],
            await db.AuditEntries.Where(a => a.Action.StartsWith("writeback.")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task PaymentThatMayHaveArrived_PostedByHandThenUndone_IsBackForReviewAndNeverSentTwice()
    {
        // The PMS took it but the answer was lost, and the PMS could not be read back: parked for a person.
        h.Pms.WriteFaults.Enqueue(LedgerFault.LostResponseAfterCommit);
        for (var i = 0; i < 10; i++)
        {
            h.Pms.ReadBackUnavailable.Enqueue(true);
        }
        await h.PayAsync("ch_parked", h.PatientIds[0], 55m);
        await h.RunUntilQuietAsync();
        var parked = Assert.Single(await h.CommandsAsync());
        Assert.Equal(WritebackState.NeedsReview, parked.State);
        h.Pms.ReadBackUnavailable.Clear();
        Assert.True(await Actions.MarkPostedByHandAsync(h.Practice.Tenant, Actor, parked.Id, CancellationToken.None));

        var undone = await Actions.UndoPostedByHandAsync(h.Practice.Tenant, Actor, parked.Id, CancellationToken.None);

        Assert.Contains("checks the PMS first", undone);
        Assert.Equal(WritebackDisplay.NeedsReview, await DisplayAsync());
        await h.RunUntilQuietAsync();
        Assert.True(await Actions.RetryAsync(h.Practice.Tenant, Actor, parked.Id, CancellationToken.None));
        await h.RunUntilQuietAsync();
        Assert.Equal(55m, Assert.Single(h.Pms.Ledger).Amount);
        Assert.Equal(WritebackDisplay.Recorded, await DisplayAsync());
    }

    [Fact]
    public async Task PaymentWaitingForTheDailyBatch_PostedByHand_IsNotSentAndUndoQueuesItForTheBatchOnce()
    {
        await h.SaveSettingsAsync(s =>
        {
            s.Timing = WritebackTiming.DailyBatch;
            s.DailyBatchAt = new TimeOnly(18, 0);
        });
        await h.PayAsync("ch_batch_hand", h.PatientIds[0], 30m);
        var waiting = Assert.Single(await h.CommandsAsync());
        Assert.Equal(WritebackDisplay.WaitingForDailyBatch, await DisplayAsync());

        Assert.True(await Actions.MarkPostedByHandAsync(h.Practice.Tenant, Actor, waiting.Id, CancellationToken.None));
        h.Clock.SetUtcNow(waiting.NextAttemptAt);
        await h.RunUntilQuietAsync();
        Assert.Empty(h.Pms.Ledger);
        Assert.Equal(WritebackDisplay.PostedByHand, await DisplayAsync());

        var undone = await Actions.UndoPostedByHandAsync(h.Practice.Tenant, Actor, waiting.Id, CancellationToken.None);
        Assert.Contains("never sent", undone);
        Assert.Equal(WritebackState.Pending, Assert.Single(await h.CommandsAsync()).State);
        await h.RunUntilQuietAsync();
        await h.RunUntilQuietAsync();
        Assert.Equal(30m, Assert.Single(h.Pms.Ledger).Amount);
        Assert.Equal(WritebackDisplay.Recorded, await DisplayAsync());
    }

    [Fact]
    public async Task RecordedPayment_PostedByHand_IsRefusedAndStaysRecorded()
    {
        await h.PayAsync("ch_recorded", h.PatientIds[0], 20m);
        await h.RunUntilQuietAsync();
        var recorded = Assert.Single(await h.CommandsAsync());

        Assert.False(await Actions.MarkPostedByHandAsync(h.Practice.Tenant, Actor, recorded.Id, CancellationToken.None));

        Assert.Equal(WritebackDisplay.Recorded, await DisplayAsync());
    }

    private async Task<WritebackDisplay> DisplayAsync()
    {
        var row = Assert.Single(await h.App.Services.GetRequiredService<PaymentQuery>().FindAsync(h.Practice.Tenant, new PaymentFilter(), 0, 10, CancellationToken.None));
        return WritebackStatus.Of(row.Payment, row.Command, h.Clock.GetUtcNow()).State;
    }
}
