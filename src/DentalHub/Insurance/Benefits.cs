namespace DentalHub.Insurance;

/// <summary>What is left of a patient's benefits, computed where it is shown (never stored: it moves with every claim).</summary>
public static class Benefits
{
    /// <summary>
    /// The plan's annual maximum less what the coverage has used this benefit year, never below zero (as the
    /// PMS shows it); null when either is unknown.
    /// </summary>
    public static decimal? Remaining(InsurancePlan plan, Coverage coverage)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(coverage);
        if (plan.ConnectionId != coverage.ConnectionId || plan.PmsId != coverage.PlanPmsId)
        {
            throw new ArgumentException("The coverage is not by this plan.", nameof(coverage));
        }
        return plan.AnnualMaximum is { } maximum && coverage.BenefitsUsed is { } used
            ? Math.Max(0m, maximum - used)
            : null;
    }
}
