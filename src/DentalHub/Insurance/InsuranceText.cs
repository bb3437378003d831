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
}
