using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Tests.Infrastructure;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Writeback;

/// <summary>Staff marking a refused payment posted by hand by mistake, taking it back and retrying it.</summary>
public sealed class StaffTakingBackPostedByHand : IAsyncLifetime
{
    private WritebackHarness h = default!;

    public async Task InitializeAsync() => h = await WritebackHarness.StartAsync(DatabaseProvider.Sqlite);

    public Task DisposeAsync() => h.DisposeAsync().AsTask();

    [Fact]
    public async Task PostedByHandUndone_ParkedForReview_RetryRecordsItOnceAndEachStepIsAudited()
    {
        var actions = h.App.Services.GetRequiredService<WritebackActions>();
        var actor = new AuditActor(AuditActorKind.User, "user-1", "Fay Financial");
        h.Pms.WriteFaults.Enqueue(LedgerFault.Refuse);
        await h.PayAsync("ch_hand", h.PatientIds[0], 80m);
        await h.RunUntilQuietAsync();
        var refused = Assert.Single(await h.CommandsAsync());
        Assert.True(await actions.MarkPostedByHandAsync(h.Practice.Tenant, actor, refused.Id, CancellationToken.None));

        Assert.True(await actions.UndoPostedByHandAsync(h.Practice.Tenant, actor, refused.Id, CancellationToken.None));
        Assert.False(await actions.UndoPostedByHandAsync(h.Practice.Tenant, actor, refused.Id, CancellationToken.None));

        var undone = Assert.Single(await h.CommandsAsync());
        Assert.Equal((WritebackState.NeedsReview, null), (undone.State, undone.TargetId));
        Assert.Equal(WritebackDisplay.NeedsReview, await DisplayAsync());
        Assert.True(await actions.RetryAsync(h.Practice.Tenant, actor, refused.Id, CancellationToken.None));
        await h.RunUntilQuietAsync();
        Assert.Equal(80m, Assert.Single(h.Pms.Ledger).Amount);
        await using var db = h.App.Databases.Create(h.Practice.Tenant);
        Assert.Equal(
            ["writeback.posted-by-hand", "writeback.posted-by-hand-undone", "writeback.retried"],
            await db.AuditEntries.Where(a => a.Action.StartsWith("writeback.")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    private async Task<WritebackDisplay> DisplayAsync()
    {
        var row = Assert.Single(await h.App.Services.GetRequiredService<PaymentQuery>().FindAsync(h.Practice.Tenant, new PaymentFilter(), 0, 10, CancellationToken.None));
        return WritebackStatus.Of(row.Payment, row.Command, h.Clock.GetUtcNow()).State;
    }
}
