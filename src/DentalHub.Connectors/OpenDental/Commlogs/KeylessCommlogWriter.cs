using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.OpenDental.Commlogs;

/// <summary>A database-mode connection without API keys: Open Dental accepts commlogs only through its API.</summary>
internal sealed class KeylessCommlogWriter : IWritesCommlogs
{
    public static KeylessCommlogWriter Instance { get; } = new();

    public Task<WriteOutcome> WriteCommlogAsync(PmsCommlogWrite commlog, CancellationToken cancellationToken) =>
        Task.FromResult<WriteOutcome>(new WriteOutcome.Refused(CommlogMessages.NeedsKeys));

    public Task<FindOutcome> FindWrittenCommlogAsync(PmsCommlogWrite commlog, CancellationToken cancellationToken) =>
        Task.FromResult<FindOutcome>(new FindOutcome.CouldNotCheck(CommlogMessages.NeedsKeys));
}
