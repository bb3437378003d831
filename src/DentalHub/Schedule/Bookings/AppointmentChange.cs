using DentalHub.Connectors.Contract;
using DentalHub.Patients;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Schedule.Bookings;

/// <summary>
/// An appointment booked or changed from DentalHub (book, move, confirm, cancel), kept with the command that writes it
/// to the PMS (the command's subject). A booking's appointment is <see cref="AppointmentPmsId"/> once the PMS took it;
/// the synced appointment with that id then stands for it on the schedule, so it is never shown twice.
/// </summary>
public sealed class AppointmentChange : IPracticeOwned
{
    public const int NoteLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public Guid ConnectionId { get; init; }
    public Guid PatientId { get; init; }
    public AppointmentWriteAction Action { get; init; }

    /// <summary>The PMS's appointment: given for a move, confirmation or cancellation; a booking's once the PMS booked it.</summary>
    public string? AppointmentPmsId { get; set; }

    public string? ProviderPmsId { get; set; }
    public string? OperatoryPmsId { get; set; }
    public string? AppointmentTypePmsId { get; set; }

    /// <summary>Where it is wanted, in UTC, and the practice's day it is on (null for a confirmation or cancellation).</summary>
    public DateTimeOffset? StartsAt { get; set; }

    public DateOnly? LocalDate { get; set; }
    public int? LengthMinutes { get; set; }
    public string Note { get; set; } = "";
    public required string RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }

    public DateTimeOffset? EndsAt => StartsAt?.AddMinutes(LengthMinutes ?? 0);
}

internal sealed class AppointmentChangeConfiguration : IEntityTypeConfiguration<AppointmentChange>
{
    public void Configure(EntityTypeBuilder<AppointmentChange> entity)
    {
        entity.Property(c => c.Action).HasConversion<string>().HasMaxLength(16);
        entity.Property(c => c.AppointmentPmsId).HasMaxLength(64);
        entity.Property(c => c.ProviderPmsId).HasMaxLength(64);
        entity.Property(c => c.OperatoryPmsId).HasMaxLength(64);
        entity.Property(c => c.AppointmentTypePmsId).HasMaxLength(64);
        entity.Property(c => c.Note).HasMaxLength(AppointmentChange.NoteLength);
        entity.Property(c => c.RequestedBy).HasMaxLength(200);
        entity.HasIndex(c => new { c.PracticeId, c.LocalDate });
        entity.HasIndex(c => new { c.PatientId, c.RequestedAt });
        entity.HasIndex(c => new { c.ConnectionId, c.AppointmentPmsId });
        entity.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId);
        entity.HasOne<Connections.Connection>().WithMany().HasForeignKey(c => c.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        entity.Ignore(c => c.EndsAt);
    }
}
