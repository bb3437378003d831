using DentalHub.Sync.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Schedule;

/// <summary>A dentist or hygienist as the PMS has them.</summary>
public sealed class Provider : PmsRecordRow
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Abbreviation { get; set; }
    public string? Npi { get; set; }
    public string? Specialty { get; set; }
    public bool IsHygienist { get; set; }
    public bool IsHidden { get; set; }
    public string? ClinicPmsId { get; set; }

    /// <summary>"Dr Ann Lee (DOC1)", or what there is of it.</summary>
    public string DisplayName =>
        string.Join(' ', new[] { FirstName, LastName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name
            ? Abbreviation is { Length: > 0 } ? $"{name} ({Abbreviation})" : name
            : Abbreviation ?? $"Provider {PmsId}";
}

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> entity)
    {
        entity.ConfigurePmsRecord();
        entity.Property(p => p.FirstName).HasMaxLength(100);
        entity.Property(p => p.LastName).HasMaxLength(100);
        entity.Property(p => p.Abbreviation).HasMaxLength(32);
        entity.Property(p => p.Npi).HasMaxLength(20);
        entity.Property(p => p.Specialty).HasMaxLength(100);
        entity.Property(p => p.ClinicPmsId).HasMaxLength(64);
        entity.Ignore(p => p.DisplayName);
    }
}
