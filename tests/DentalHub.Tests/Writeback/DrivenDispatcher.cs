using DentalHub.Connections;
using DentalHub.Tests.Infrastructure;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Tests.Writeback;

/// <summary>
/// The writeback dispatcher of a hosted app (its worker off), driven by a test on a clock it controls: what the suites
/// of each kind against the Open Dental API double share.
/// </summary>
public sealed class DrivenDispatcher(DentalHubApp app, TestPractice practice)
{
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    /// <summary>The app queues on its real clock: the dispatcher's clock is brought to it, so what was queued is due at once.</summary>
    public void CatchUpWithTheApp()
    {
        var queuedBy = TimeProvider.System.GetUtcNow().AddSeconds(1);
        if (Clock.GetUtcNow() < queuedBy)
        {
            Clock.SetUtcNow(queuedBy);
        }
    }

    /// <summary>One pass of a dispatcher made new, as a restarted process makes it.</summary>
    public Task RunOnceAsync() => new WritebackDispatcher(
        app.Databases, app.Services.GetRequiredService<ConnectorFactory>(), app.Services.GetServices<IWritebackTarget>(),
        WritebackHarness.Policy, Clock, NullLogger<WritebackDispatcher>.Instance).RunOnceAsync(CancellationToken.None);

    public async Task RunUntilQuietAsync()
    {
        for (var round = 0; round < 20; round++)
        {
            await RunOnceAsync();
            if (!(await CommandsAsync()).Any(c => c.State is WritebackState.Pending or WritebackState.Sending or WritebackState.Unknown))
            {
                return;
            }
            Clock.Advance(TimeSpan.FromMinutes(3));
        }
        throw new InvalidOperationException("Writeback did not settle.");
    }

    public async Task<List<WritebackCommand>> CommandsAsync()
    {
        await using var db = app.Databases.Create(practice.Tenant);
        return await db.WritebackCommands.AsNoTracking().ToListAsync();
    }
}
