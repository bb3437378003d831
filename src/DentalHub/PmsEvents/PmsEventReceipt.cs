using DentalHub.Connectors.Contract;
using DentalHub.Tenancy;

namespace DentalHub.PmsEvents;

/// <summary>
/// An event the PMS side pushed (a webhook), kept once per connection and event key so a redelivery changes nothing.
/// One about a write of ours carries its report, which the dispatcher reads when it looks the write up again.
/// </summary>
public sealed class PmsEventReceipt : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public Guid ConnectionId { get; init; }

    /// <summary>The event's key (a hash of what identifies it): the same for every delivery of one event.</summary>
    public required string EventKey { get; init; }

    public required string EventName { get; init; }

    /// <summary>The reference of the write it reports on, when it reports on one.</summary>
    public string? Reference { get; init; }

    public PmsWriteReportOutcome? Outcome { get; init; }
    public string? TargetId { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}
