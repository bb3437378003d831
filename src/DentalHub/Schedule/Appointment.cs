using DentalHub.Sync.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Schedule;

/// <summary>
/// An appointment as the PMS has it. Its patient, providers, chair, clinic and type are PMS ids, joined at read
/// time (an appointment stored before its patient links by itself once the patient is synced).
/// </summary>
public sealed class Appointment : PmsRecordRow
{
    public const int NoteLength = 4000;

    public string? PatientPmsId { get; set; }
    public string? ProviderPmsId { get; set; }
    public string? HygienistPmsId { get; set; }
    public string? OperatoryPmsId { get; set; }
    public string? ClinicPmsId { get; set; }
    public string? AppointmentTypePmsId { get; set; }

    /// <summary>When it starts, in UTC; null when it has no time (unscheduled, planned).</summary>
    public DateTimeOffset? StartsAt { get; set; }

    /// <summary>When it ends: <see cref="StartsAt"/> plus its length (elapsed time, so across a clock change too); null without a time or a length.</summary>
    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>The practice's calendar day it is on, as the PMS shows it: what a day's schedule queries.</summary>
    public DateOnly? LocalDate { get; set; }

    public int LengthMinutes { get; set; }
    public AppointmentStatus Status { get; set; }

    /// <summary>The PMS's confirmation status by its name ("Confirmed", "Left message").</summary>
    public string? Confirmation { get; set; }

    public bool IsNewPatient { get; set; }
    public string? Note { get; set; }

    /// <summary>
    /// What it costs: the sum of its procedures' fees. 0 when <see cref="ProceduresJson"/> is null: the connection
    /// cannot read procedures, so the cost is unknown rather than nothing.
    /// </summary>
    public decimal TotalFee { get; set; }

    /// <summary>
    /// What insurance is expected to pay for it, every coverage together (what it paid, once a claim is received): the
    /// sum of its procedures'. Null when the connection cannot read procedures or their estimates.
    /// </summary>
    public decimal? InsuranceEstimate { get; set; }

    /// <summary>What the office is expected to write off (a PPO's contracted discount), summed as <see cref="InsuranceEstimate"/>.</summary>
    public decimal? WriteOffEstimate { get; set; }

    /// <summary>What is left for the patient: the sum of its procedures' patient portions, each never below zero. Null as <see cref="InsuranceEstimate"/>.</summary>
    public decimal? PatientPortion { get; set; }

    /// <summary>
    /// The procedures as a JSON array of <c>{"pmsId", "code", "description", "fee", "insuranceEstimate",
    /// "writeOffEstimate", "patientPortion"}</c> (the last three null when not known), or null when the connection
    /// does not read them.
    /// </summary>
    public string? ProceduresJson { get; set; }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> entity)
    {
        entity.ConfigurePmsRecord();
        entity.Property(a => a.PatientPmsId).HasMaxLength(64);
        entity.Property(a => a.ProviderPmsId).HasMaxLength(64);
        entity.Property(a => a.HygienistPmsId).HasMaxLength(64);
        entity.Property(a => a.OperatoryPmsId).HasMaxLength(64);
        entity.Property(a => a.ClinicPmsId).HasMaxLength(64);
        entity.Property(a => a.AppointmentTypePmsId).HasMaxLength(64);
        entity.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        entity.Property(a => a.Confirmation).HasMaxLength(100);
        entity.Property(a => a.Note).HasMaxLength(Appointment.NoteLength);
        entity.Property(a => a.TotalFee).HasPrecision(12, 2);
        entity.Property(a => a.InsuranceEstimate).HasPrecision(12, 2);
        entity.Property(a => a.WriteOffEstimate).HasPrecision(12, 2);
        entity.Property(a => a.PatientPortion).HasPrecision(12, 2);
        entity.HasIndex(a => new { a.ConnectionId, a.PatientPmsId });
        entity.HasIndex(a => new { a.PracticeId, a.LocalDate });
        entity.HasIndex(a => new { a.PracticeId, a.StartsAt });
    }
}
