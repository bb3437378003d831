namespace DentalHub.Insurance;

/// <summary>Insurance terms in the words the front desk uses.</summary>
public static class InsuranceText
{
    /// <summary>Who the patient is to the subscriber ("patient is the subscriber's child").</summary>
    public static string Relationship(CoverageRelationship relationship) => relationship switch
    {
        CoverageRelationship.Self => "the subscriber",
        CoverageRelationship.Spouse => "the subscriber's spouse",
        CoverageRelationship.Child => "the subscriber's child",
        CoverageRelationship.Other => "a dependant of the subscriber",
    };

    /// <summary>Where a claim stands ("waiting to send", "on hold").</summary>
    public static string Status(ClaimStatus status) => status switch
    {
        ClaimStatus.Unsent => "unsent",
        ClaimStatus.OnHold => "on hold",
        ClaimStatus.Waiting => "waiting to send",
        ClaimStatus.Sent => "sent",
        ClaimStatus.Received => "received",
        _ => "in another status",
    };
}
