namespace DentalHub.Insurance;

/// <summary>A patient's coverage with its plan (and carrier), and what is left of the plan's annual maximum.</summary>
/// <param name="Plan">Null when the plan is not synced (or deleted) yet.</param>
/// <param name="RemainingBenefits">The annual maximum less what was used this benefit year, never below zero; null when either is unknown.</param>
public sealed record PatientCoverageDto(CoverageDto Coverage, InsurancePlanDto? Plan, decimal? RemainingBenefits);
