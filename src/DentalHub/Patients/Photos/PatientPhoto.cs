using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Patients.Photos;

/// <summary>
/// A profile's photo, owned by the hub (the PMS does not send one). Stored as DentalHub re-encoded it
/// (JPEG, never the uploaded bytes), with a small copy for the patient list.
/// </summary>
public sealed class PatientPhoto : IPracticeOwned
{
    public Guid PatientId { get; init; }
    public Guid PracticeId { get; init; }
    public required byte[] Image { get; set; }
    public required byte[] Thumbnail { get; set; }

    /// <summary>A hash of the stored image, for HTTP caching (ETag) and for the img URL, so a new photo is a new URL.</summary>
    public required string Version { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
}

internal sealed class PatientPhotoConfiguration : IEntityTypeConfiguration<PatientPhoto>
{
    public void Configure(EntityTypeBuilder<PatientPhoto> entity)
    {
        entity.HasKey(p => p.PatientId);
        entity.Property(p => p.Version).HasMaxLength(64);
        entity.Property(p => p.UploadedBy).HasMaxLength(200);
        entity.HasIndex(p => p.PracticeId);
        entity.HasOne<Patient>().WithOne().HasForeignKey<PatientPhoto>(p => p.PatientId);
    }
}
