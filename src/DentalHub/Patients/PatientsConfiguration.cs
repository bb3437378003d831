using DentalHub.Connections;
using DentalHub.ImportFailures;
using DentalHub.Sync;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Patients;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> entity)
    {
        entity.Property(p => p.FirstName).HasMaxLength(Sync.PatientValidation.NameLength);
        entity.Property(p => p.LastName).HasMaxLength(Sync.PatientValidation.NameLength);
        entity.Property(p => p.MiddleName).HasMaxLength(Sync.PatientValidation.NameLength);
        entity.Property(p => p.PreferredName).HasMaxLength(Sync.PatientValidation.NameLength);
        entity.Property(p => p.Email).HasMaxLength(Sync.PatientValidation.EmailLength);
        entity.Property(p => p.HomePhone).HasMaxLength(Sync.PatientValidation.PhoneLength);
        entity.Property(p => p.MobilePhone).HasMaxLength(Sync.PatientValidation.PhoneLength);
        entity.Property(p => p.WorkPhone).HasMaxLength(Sync.PatientValidation.PhoneLength);
        entity.Property(p => p.AddressLine1).HasMaxLength(Sync.PatientValidation.AddressLength);
        entity.Property(p => p.AddressLine2).HasMaxLength(Sync.PatientValidation.AddressLength);
        entity.Property(p => p.City).HasMaxLength(Sync.PatientValidation.CityLength);
        entity.Property(p => p.State).HasMaxLength(Sync.PatientValidation.StateLength);
        entity.Property(p => p.PostalCode).HasMaxLength(Sync.PatientValidation.PostalCodeLength);
        entity.Property(p => p.MatchKey).HasMaxLength(320);
        entity.Property(p => p.Notes).HasMaxLength(4000);
        // Sync inserts profiles with its own column list; the database fills in the hub-owned default.
        entity.Property(p => p.EmailOptOut).HasDefaultValue(false).ValueGeneratedNever();
        entity.HasIndex(p => new { p.PracticeId, p.MatchKey });
        entity.HasIndex(p => new { p.PracticeId, p.LastName, p.FirstName });
        entity.HasOne<Practice>().WithMany().HasForeignKey(p => p.PracticeId);
    }
}

internal sealed class PatientLinkConfiguration : IEntityTypeConfiguration<PatientLink>
{
    public void Configure(EntityTypeBuilder<PatientLink> entity)
    {
        entity.HasKey(l => new { l.ConnectionId, l.PmsId });
        entity.Property(l => l.PmsId).HasMaxLength(64);
        entity.Property(l => l.GuarantorPmsId).HasMaxLength(64);
        entity.Property(l => l.ClinicId).HasMaxLength(64);
        entity.Property(l => l.ProviderId).HasMaxLength(64);
        entity.HasIndex(l => l.PatientId);
        entity.HasIndex(l => new { l.ConnectionId, l.GuarantorPmsId });
        entity.HasOne<Connection>().WithMany().HasForeignKey(l => l.ConnectionId);
        entity.HasOne<Patient>().WithMany().HasForeignKey(l => l.PatientId);
    }
}

internal sealed class ImportFailureConfiguration : IEntityTypeConfiguration<ImportFailure>
{
    public void Configure(EntityTypeBuilder<ImportFailure> entity)
    {
        entity.HasIndex(f => new { f.ConnectionId, f.Resource, f.PmsId }).IsUnique();
        entity.HasIndex(f => new { f.PracticeId, f.Reason });
        entity.Property(f => f.Resource).HasMaxLength(32);
        entity.Property(f => f.PmsId).HasMaxLength(64);
        entity.Property(f => f.Label).HasMaxLength(200);
        entity.Property(f => f.Message).HasMaxLength(2000);
        entity.HasOne<Connection>().WithMany().HasForeignKey(f => f.ConnectionId);
    }
}

internal sealed class SyncStateConfiguration : IEntityTypeConfiguration<SyncState>
{
    public void Configure(EntityTypeBuilder<SyncState> entity)
    {
        entity.HasKey(s => new { s.ConnectionId, s.Resource });
        entity.Property(s => s.Resource).HasMaxLength(32);
        // Unbounded: a connector's cursor is opaque, and some carry what the last read returned (Open Dental's
        // API schedule window keeps its blocks' numbers to tell which were deleted), tens of kilobytes at most.
        entity.Property(s => s.LeaseOwner).HasMaxLength(200);
        entity.HasOne<Connection>().WithMany().HasForeignKey(s => s.ConnectionId);
    }
}

internal sealed class SyncRunConfiguration : IEntityTypeConfiguration<SyncRun>
{
    public void Configure(EntityTypeBuilder<SyncRun> entity)
    {
        entity.Property(r => r.Resource).HasMaxLength(32);
        entity.Property(r => r.Error).HasMaxLength(1000);
        entity.HasIndex(r => new { r.ConnectionId, r.StartedAt });
        entity.HasOne<Connection>().WithMany().HasForeignKey(r => r.ConnectionId);
    }
}

internal sealed class PatientNoteSentConfiguration : IEntityTypeConfiguration<PatientNoteSent>
{
    public void Configure(EntityTypeBuilder<PatientNoteSent> entity)
    {
        entity.Property(n => n.Text).HasMaxLength(PatientNotes.MaxLength);
        entity.Property(n => n.SentBy).HasMaxLength(200);
        entity.HasIndex(n => new { n.PatientId, n.At });
        entity.HasOne<Patient>().WithMany().HasForeignKey(n => n.PatientId);
    }
}
