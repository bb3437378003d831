namespace DentalHub.Schedule;

/// <summary>An appointment as the PMS has it; its patient, providers, chair, clinic and type by their PMS ids.</summary>
/// <param name="Id">The appointment's PMS id.</param>
/// <param name="PmsPatientId">The patient's id in the PMS.</param>
/// <param name="PatientId">The patient's DentalHub profile; null until the patient is synced.</param>
/// <param name="StartsAt">In UTC; null for an appointment with no time (unscheduled, planned).</param>
/// <param name="EndsAt">In UTC; null without a time or a length.</param>
/// <param name="LocalDate">The day of the practice's calendar it is on, as the PMS shows it.</param>
/// <param name="TotalFee">The sum of its procedures' fees; null when the connection cannot read procedures.</param>
/// <param name="InsuranceEstimate">
/// What insurance is expected to pay, every coverage together (what it paid, once a claim is received): the sum of its
/// procedures'. 0 for a patient with no insurance; null when the connection cannot read procedures or estimates.
/// </param>
/// <param name="WriteOffEstimate">What the office is expected to write off (a PPO's discount); null as <paramref name="InsuranceEstimate"/>.</param>
/// <param name="PatientPortion">
/// What is left for the patient: the sum of its procedures' portions (fee less insurance and write-off, never below
/// zero); null as <paramref name="InsuranceEstimate"/>.
/// </param>
/// <param name="Procedures">Null when the connection cannot read procedures.</param>
public sealed record AppointmentDto(
    string Id, Guid ConnectionId, string? PmsPatientId, Guid? PatientId, string? ProviderId, string? HygienistId, string? OperatoryId,
    string? ClinicId, string? AppointmentTypeId, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, DateOnly? LocalDate, int LengthMinutes,
    AppointmentStatus Status, string? Confirmation, bool IsNewPatient, string? Note, decimal? TotalFee, decimal? InsuranceEstimate,
    decimal? WriteOffEstimate, decimal? PatientPortion, IReadOnlyList<AppointmentProcedureDto>? Procedures, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt)
{
    public static AppointmentDto From(Appointment a, Guid? patientId)
    {
        var procedures = StoredAppointmentProcedure.Read(a.ProceduresJson)?
            .Select(p => new AppointmentProcedureDto(p.PmsId, p.Code, p.Description, p.Fee, p.InsuranceEstimate, p.WriteOffEstimate, p.PatientPortion))
            .ToList();
        return new(
            a.PmsId, a.ConnectionId, a.PatientPmsId, patientId, a.ProviderPmsId, a.HygienistPmsId, a.OperatoryPmsId, a.ClinicPmsId, a.AppointmentTypePmsId,
            a.StartsAt, a.EndsAt, a.LocalDate, a.LengthMinutes, a.Status, a.Confirmation, a.IsNewPatient, a.Note,
            procedures is null ? null : a.TotalFee, a.InsuranceEstimate, a.WriteOffEstimate, a.PatientPortion, procedures, a.UpdatedAt, a.DeletedAt);
    }
}
