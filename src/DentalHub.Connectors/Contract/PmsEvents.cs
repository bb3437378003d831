namespace DentalHub.Connectors.Contract;

/// <summary>
/// A connector that receives events pushed by the PMS side (a signed webhook): reports on writes it accepted earlier,
/// and notices that records changed there.
/// </summary>
public interface IReceivesPmsEvents
{
    /// <summary>
    /// Verifies and reads one delivery. <paramref name="body"/> is the raw body, unmodified (the signature covers it);
    /// <paramref name="header"/> gives a request header by name. Never throws for a bad request.
    /// </summary>
    PmsEventRead Read(string body, Func<string, string?> header);
}

public abstract record PmsEventRead
{
    private PmsEventRead()
    {
    }

    /// <summary>Authentic and understood. <see cref="PmsEvent.Key"/> is the same for every delivery of the same event.</summary>
    public sealed record Accepted(PmsEvent Event) : PmsEventRead;

    /// <summary>Not authentic (signature, age, no secret set): nothing is done. <paramref name="Message"/> holds no content of the request.</summary>
    public sealed record Rejected(string Message) : PmsEventRead;
}

/// <param name="Key">Identifies the event across deliveries (a retried delivery has the same key).</param>
/// <param name="Name">The event's name as the sender spells it, for the operator's log.</param>
/// <param name="Write">What it says about a write of ours, if it is about one.</param>
/// <param name="ChangedResource">The resource it says changed (a <c>SyncResources</c> name: "patients", "appointments"), if any.</param>
public sealed record PmsEvent(string Key, string Name, PmsWriteReport? Write, string? ChangedResource);

/// <param name="Reference">Our reference of the write, as we sent it.</param>
/// <param name="TargetId">The PMS-side record the report names, when it names one.</param>
/// <param name="Reason">What a person reads when it failed, naming the system; never patient data.</param>
public sealed record PmsWriteReport(string Reference, PmsWriteReportOutcome Outcome, string? TargetId, string? Reason);

public enum PmsWriteReportOutcome
{
    Written,
    Failed,

    /// <summary>The sender gave up waiting for the PMS; the write may still arrive (NexHealth's <c>.timed_out</c>).</summary>
    StillWaiting,
}
