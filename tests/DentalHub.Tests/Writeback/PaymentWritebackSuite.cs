using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Tests.Infrastructure;
using DentalHub.Writeback;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Writeback;

/// <summary>Payments reaching the PMS ledger exactly once through faults, kills and restarts; on both databases.</summary>
public abstract class PaymentWritebackSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private WritebackHarness? harness;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (harness is not null)
        {
            await harness.DisposeAsync();
        }
    }

    private async Task<WritebackHarness> StartAsync() => harness = await WritebackHarness.StartOrSkipAsync(provider);

    [SkippableFact]
    public async Task Payment_WithNoFault_IsRecordedOnceWithTheNetAmount()
    {
        var h = await StartAsync();
        var first = await h.PayAsync("ch_1", h.PatientIds[0], 125.50m, fee: 3.94m);
        var repeat = await h.PayAsync("ch_1", h.PatientIds[0], 125.50m, fee: 3.94m);
        await h.RunUntilQuietAsync();

        Assert.True(first.Created);
        Assert.False(repeat.Created);
        var entry = Assert.Single(h.Pms.Ledger);
        Assert.Equal(121.56m, entry.Amount);
        Assert.Equal(WritebackState.Confirmed, Assert.Single(await h.CommandsAsync()).State);
    }

    [SkippableTheory]
    [InlineData(LedgerFault.LostResponseAfterCommit)]
    [InlineData(LedgerFault.DroppedBeforeCommit)]
    [InlineData(LedgerFault.CrashAfterCommit)]
    [InlineData(LedgerFault.CrashBeforeSend)]
    [InlineData(LedgerFault.TryLater)]
    public async Task Payment_AfterOneFault_EndsInThePmsExactlyOnce(LedgerFault fault)
    {
        var h = await StartAsync();
        h.Pms.WriteFaults.Enqueue(fault);
        await h.PayAsync("ch_fault", h.PatientIds[0], 80m);
        await h.RunUntilQuietAsync();

        Assert.Single(h.Pms.Ledger, l => l.Reference.StartsWith("DH-", StringComparison.Ordinal));
        var command = Assert.Single(await h.CommandsAsync());
        Assert.Equal(WritebackState.Confirmed, command.State);
        Assert.Equal(h.Pms.Ledger[0].Id, command.TargetId);
    }

    [SkippableFact]
    public async Task RefusedPayment_StaysVisibleAndRetryRecordsIt()
    {
        var h = await StartAsync();
        h.Pms.WriteFaults.Enqueue(LedgerFault.Refuse);
        var payment = await h.PayAsync("ch_refused", h.PatientIds[1], 40m);
        await h.RunUntilQuietAsync();

        var refused = Assert.Single(await h.CommandsAsync());
        Assert.Equal(WritebackState.Rejected, refused.State);
        Assert.Contains("account is closed", WritebackStatus.Of(payment.Payment, refused, h.Clock.GetUtcNow()).Text);
        Assert.Empty(h.Pms.Ledger);

        Assert.True(await h.App.Services.GetRequiredService<WritebackActions>().RetryAsync(h.Practice.Tenant, AuditActor.System, refused.Id, CancellationToken.None));
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.RunUntilQuietAsync();
        Assert.Single(h.Pms.Ledger);
        Assert.Equal(WritebackState.Confirmed, Assert.Single(await h.CommandsAsync()).State);
    }

    [SkippableFact]
    public async Task SamePatient_SecondPaymentWaitsForTheFirst()
    {
        var h = await StartAsync();
        h.Pms.WriteFaults.Enqueue(LedgerFault.TryLater);
        await h.PayAsync("ch_a", h.PatientIds[2], 10m);
        h.Clock.Advance(TimeSpan.FromMilliseconds(10));
        await h.PayAsync("ch_b", h.PatientIds[2], 20m);

        await h.NewDispatcher().RunOnceAsync(CancellationToken.None);
        Assert.Empty(h.Pms.Ledger);

        await h.RunUntilQuietAsync();
        Assert.Equal([10m, 20m], h.Pms.Ledger.Select(l => l.Amount));
    }

    [SkippableFact]
    public async Task UnknownPatient_PaymentIsKeptWithAReasonAndNoCommand()
    {
        var h = await StartAsync();
        var result = await h.PayAsync("ch_nobody", Guid.NewGuid(), 55m);
        Assert.Null(result.Payment.PatientId);
        Assert.Contains("Assign it to a patient", result.Payment.WritebackNote);
        Assert.Empty(await h.CommandsAsync());
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task RandomPaymentsAndFaults_EveryWritablePaymentEndsInThePmsExactlyOnce(int seed)
    {
        var h = await StartAsync();
        var random = new Random(seed);
        var faults = Enum.GetValues<LedgerFault>();
        var references = new List<string>();
        for (var step = 0; step < 30; step++)
        {
            for (var f = random.Next(0, 3); f > 0; f--)
            {
                h.Pms.WriteFaults.Enqueue(faults[random.Next(faults.Length)]);
            }
            if (random.NextDouble() < 0.3)
            {
                h.Pms.ReadBackUnavailable.Enqueue(true);
            }
            var reference = $"ch_{seed}_{step}";
            references.Add(reference);
            await h.PayAsync(reference, h.PatientIds[random.Next(h.PatientIds.Count)], random.Next(100, 50_000) / 100m);
            await RunOneStepAsync(h, random);
        }
        // Parked commands are retried by a person once the PMS is healthy again.
        h.Pms.WriteFaults.Clear();
        h.Pms.ReadBackUnavailable.Clear();
        await h.RunUntilQuietAsync();
        foreach (var parked in (await h.CommandsAsync()).Where(c => c.State == WritebackState.NeedsReview))
        {
            await h.App.Services.GetRequiredService<WritebackActions>().RetryAsync(h.Practice.Tenant, AuditActor.System, parked.Id, CancellationToken.None);
        }
        await h.RunUntilQuietAsync();

        var commands = await h.CommandsAsync();
        Assert.Equal(references.Count, commands.Count);
        foreach (var command in commands)
        {
            var inLedger = h.Pms.Ledger.Count(l => l.Reference == command.Reference);
            Assert.True(command.State is WritebackState.Confirmed or WritebackState.Rejected, $"{command.Reference} ended {command.State}");
            Assert.Equal(command.State == WritebackState.Confirmed ? 1 : 0, inLedger);
            Assert.True(command.State == WritebackState.Confirmed || !string.IsNullOrEmpty(command.LastError));
        }
        Assert.Equal(h.Pms.Ledger.Count, h.Pms.Ledger.Select(l => l.Reference).Distinct().Count());
    }

    // One dispatcher pass that may be killed part-way, then some time passes.
    private static async Task RunOneStepAsync(WritebackHarness h, Random random)
    {
        using var life = new CancellationTokenSource();
        h.Pms.Crash = life.Cancel;
        try
        {
            await h.NewDispatcher().RunOnceAsync(life.Token);
        }
        catch (OperationCanceledException) when (life.IsCancellationRequested)
        {
            // Killed mid-step; the next pass is a restarted engine.
        }
        h.Clock.Advance(TimeSpan.FromSeconds(random.Next(1, 200)));
    }
}

public sealed class PaymentWritebackOnSqlite() : PaymentWritebackSuite(DatabaseProvider.Sqlite);

public sealed class PaymentWritebackOnPostgres() : PaymentWritebackSuite(DatabaseProvider.Postgres);
