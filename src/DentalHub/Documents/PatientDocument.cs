using DentalHub.Patients;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Documents;

/// <summary>
/// A PDF or picture staff (or an API key) attached to a patient's chart in the PMS, as uploaded: kept in the database (as
/// profile photos are) and attached exactly once by the writeback command whose subject this is, committed with it.
/// </summary>
public sealed class PatientDocument : IPracticeOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PracticeId { get; init; }
    public Guid PatientId { get; init; }

    /// <summary>The name it was uploaded with, made safe to show and to send (<see cref="DocumentFile.SafeName"/>).</summary>
    public required string FileName { get; init; }

    /// <summary>What its bytes are (application/pdf, image/jpeg, image/png), read from them, never from the upload's claim.</summary>
    public required string ContentType { get; init; }

    public required byte[] Content { get; init; }

    /// <summary>The PMS's document category (Open Dental: an image category's DefNum) and its name when attached; null: the PMS's first.</summary>
    public string? CategoryId { get; init; }

    public string? CategoryName { get; init; }

    public required string Description { get; init; }
    public required string EnteredBy { get; init; }
    public DateTimeOffset EnteredAt { get; init; }
}

internal sealed class PatientDocumentConfiguration : IEntityTypeConfiguration<PatientDocument>
{
    public void Configure(EntityTypeBuilder<PatientDocument> entity)
    {
        entity.Property(d => d.FileName).HasMaxLength(DocumentFile.MaxNameLength);
        entity.Property(d => d.ContentType).HasMaxLength(50);
        entity.Property(d => d.CategoryId).HasMaxLength(100);
        entity.Property(d => d.CategoryName).HasMaxLength(200);
        entity.Property(d => d.Description).HasMaxLength(PatientDocuments.MaxDescriptionLength);
        entity.Property(d => d.EnteredBy).HasMaxLength(200);
        entity.HasIndex(d => new { d.PatientId, d.EnteredAt });
        entity.HasOne<Patient>().WithMany().HasForeignKey(d => d.PatientId);
    }
}
