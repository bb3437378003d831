using DentalHub.Tenancy;

namespace DentalHub.Payments;

/// <summary>A processor event already handled, so a redelivered event changes nothing. Kept for the history.</summary>
public sealed class PaymentEventReceipt : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public Guid ConnectionId { get; init; }
    public required string EventId { get; init; }
    public required string EventType { get; init; }
    public required string Outcome { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}
