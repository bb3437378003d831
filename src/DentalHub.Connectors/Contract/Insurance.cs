namespace DentalHub.Connectors.Contract;

/// <summary>A connector that can read carriers, plans and each patient's coverages.</summary>
public interface IReadsInsurance
{
    IChangeFeed<PmsInsurancePlan> InsurancePlans { get; }

    IChangeFeed<PmsCoverage> Coverages { get; }
}

/// <summary>A connector that can read insurance claims.</summary>
public interface IReadsClaims
{
    IChangeFeed<PmsClaim> Claims { get; }
}

/// <summary>An insurance plan with its carrier and the benefits the PMS records for it.</summary>
/// <param name="AnnualMaximum">The plan's yearly maximum benefit, when recorded.</param>
/// <param name="Deductible">The individual yearly deductible, when recorded.</param>
public sealed record PmsInsurancePlan(
    string PmsId,
    string? CarrierName,
    string? CarrierPmsId,
    string? GroupName,
    string? GroupNumber,
    string? Employer,
    string? PlanType,
    decimal? AnnualMaximum,
    decimal? Deductible,
    bool IsHidden) : IPmsRecord;

/// <summary>
/// One patient's coverage by one plan (Open Dental: a patplan with its inssub): who subscribes, in what
/// order it pays, and what is left of its benefits this year.
/// </summary>
/// <param name="Priority">1 primary, 2 secondary, ...</param>
/// <param name="BenefitsUsed">Benefits paid or pending this benefit year, when the PMS computes it.</param>
public sealed record PmsCoverage(
    string PmsId,
    string? PatientPmsId,
    string? PlanPmsId,
    string? SubscriberPmsId,
    string? SubscriberId,
    int Priority,
    PmsRelationship Relationship,
    DateOnly? EffectiveOn,
    DateOnly? TerminatesOn,
    decimal? BenefitsUsed,
    decimal? DeductibleMet) : IPmsRecord;

public enum PmsRelationship
{
    Self,
    Spouse,
    Child,
    Other,
}

/// <summary>An insurance claim and where it stands. Amounts are positive, as the claim shows them.</summary>
public sealed record PmsClaim(
    string PmsId,
    string? PatientPmsId,
    string? PlanPmsId,
    PmsClaimStatus Status,
    string? ClaimType,
    DateOnly? ServiceDate,
    DateOnly? SentOn,
    DateOnly? ReceivedOn,
    decimal Billed,
    decimal EstimatedPayment,
    decimal Paid,
    decimal WriteOff) : IPmsRecord;

public enum PmsClaimStatus
{
    Unsent,
    OnHold,
    Waiting,
    Sent,
    Received,
    Other,
}
