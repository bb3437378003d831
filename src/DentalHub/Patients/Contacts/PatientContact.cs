using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Patients.Contacts;

/// <summary>
/// Someone to reach about a patient that the PMS does not hold (a parent, a carer, a second guardian):
/// DentalHub's own data, never written by sync. Their phone is searchable like the patient's own.
/// </summary>
public sealed class PatientContact : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public Guid PatientId { get; init; }
    public string Name { get; set; } = "";
    public string? Relationship { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Note { get; set; }
    public bool MayReceiveMessages { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class PatientContactConfiguration : IEntityTypeConfiguration<PatientContact>
{
    public void Configure(EntityTypeBuilder<PatientContact> entity)
    {
        entity.Property(c => c.Name).HasMaxLength(ContactInput.NameLength);
        entity.Property(c => c.Relationship).HasMaxLength(ContactInput.RelationshipLength);
        entity.Property(c => c.Phone).HasMaxLength(Sync.PatientValidation.PhoneLength);
        entity.Property(c => c.Email).HasMaxLength(Sync.PatientValidation.EmailLength);
        entity.Property(c => c.Note).HasMaxLength(ContactInput.NoteLength);
        entity.HasIndex(c => c.PatientId);
        entity.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId);
    }
}
