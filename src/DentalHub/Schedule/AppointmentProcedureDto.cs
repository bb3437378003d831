namespace DentalHub.Schedule;

/// <param name="Id">The procedure's PMS id.</param>
/// <param name="InsuranceEstimate">What insurance is expected to pay for it, every coverage together; null when the connection cannot read estimates.</param>
/// <param name="WriteOffEstimate">What the office is expected to write off; null as <paramref name="InsuranceEstimate"/>.</param>
/// <param name="PatientPortion">The fee less insurance and write-off, never below zero; null as <paramref name="InsuranceEstimate"/>.</param>
public sealed record AppointmentProcedureDto(
    string Id, string? Code, string? Description, decimal Fee, decimal? InsuranceEstimate, decimal? WriteOffEstimate, decimal? PatientPortion);
