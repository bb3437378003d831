using DentalHub.Writeback;

namespace DentalHub.Insurance.ClaimUpdates;

/// <summary>
/// A change to a claim as a person asks for it: the status it should have and, for sent or received, the practice's
/// day (null: today). <see cref="ConnectionId"/> says which connection's claim when the patient has two with one id.
/// </summary>
public sealed record ClaimUpdateInput(ClaimStatus Status, DateOnly? Date, Guid? ConnectionId = null);

/// <summary>One of the patient's claims as the profile shows it, with its latest update from DentalHub and whether one may be asked for.</summary>
/// <param name="Status">Where it stands: as last read from the PMS, or as the latest update written since left it.</param>
/// <param name="NotPossible">Why no update can be asked for from here (writeback off, the PMS cannot take them, a received claim, one under way); null when one can.</param>
public sealed record ClaimLine(
    Guid ConnectionId, string ClaimPmsId, string? ClaimType, DateOnly? ServiceDate, DateOnly? SentOn, DateOnly? ReceivedOn, decimal Billed,
    decimal EstimatedPayment, decimal Paid, ClaimStatus Status, string System, ClaimUpdateLine? Latest, string? NotPossible);

/// <summary>An update asked for in DentalHub and where it is in the PMS.</summary>
public sealed record ClaimUpdateLine(
    Guid Id, Guid ConnectionId, string ClaimPmsId, ClaimStatus From, ClaimStatus To, DateOnly? Date, string EnteredBy, DateTimeOffset EnteredAt, PmsLogState State);
