namespace DentalHub.Connectors.Contract;

/// <summary>
/// A connector that can file communication logs on a patient's chart in the PMS (a message sent, a call
/// made). Like payments, a log carries our reference and is found again by it after an unknown outcome,
/// never sent blind twice.
/// </summary>
public interface IWritesCommlogs
{
    /// <summary>Files one log. Outcomes are returned, not thrown.</summary>
    Task<WriteOutcome> WriteCommlogAsync(PmsCommlogWrite commlog, CancellationToken cancellationToken);

    /// <summary>Looks in the PMS for a log filed earlier with this log's reference.</summary>
    Task<FindOutcome> FindWrittenCommlogAsync(PmsCommlogWrite commlog, CancellationToken cancellationToken);
}

/// <summary>
/// A communication log to file. <see cref="Reference"/> is ours, unique per log, and the connector stores it
/// where it can read it back (Open Dental: in the log's Note). <see cref="At"/> is the PMS's wall clock
/// (the practice's time zone), unzoned like every PMS time.
/// </summary>
public sealed record PmsCommlogWrite(
    string Reference,
    string PmsPatientId,
    DateTime At,
    CommlogMode Mode,
    CommlogDirection Direction,
    string Note);

/// <summary>How the practice and the patient communicated.</summary>
public enum CommlogMode
{
    /// <summary>Not a communication with the patient: a note for the chart.</summary>
    None,
    Email,
    Text,
    Phone,
    Mail,
    InPerson,
}

public enum CommlogDirection
{
    /// <summary>Neither sent nor received (a note).</summary>
    Neither,
    Sent,
    Received,
}
