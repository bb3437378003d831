namespace DentalHub.Writeback;

/// <summary>Wakes the dispatcher at once when a command is queued.</summary>
public sealed class WritebackSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already awake.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Runs the dispatcher when woken and, as a sweeper, every few seconds regardless, so progress never
/// depends on the wake-up alone (a command queued by another node, a retry that came due).
/// </summary>
public sealed class WritebackWorker(WritebackDispatcher dispatcher, Alerts.AlertDelivery alerts, Alerts.AlertEmails alertEmails, WritebackSignal signal, ILogger<WritebackWorker> logger) : BackgroundService
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await dispatcher.RunOnceAsync(stoppingToken) > 0)
                {
                    // Keep going while there is work; a finished command may unblock the next of its patient.
                }
                await alerts.DeliverPendingAsync(stoppingToken);
                await alertEmails.DeliverPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError("Writeback dispatch failed with {ExceptionType}; retrying at the next sweep", e.GetType().Name);
            }
            try
            {
                await signal.WaitAsync(SweepInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
