using DentalHub.Patients;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DentalHub.Messages;

internal sealed class SmtpSettingsConfiguration : IEntityTypeConfiguration<SmtpSettings>
{
    public void Configure(EntityTypeBuilder<SmtpSettings> entity)
    {
        entity.HasKey(s => s.OrganizationId);
        entity.Property(s => s.Host).HasMaxLength(255);
        entity.Property(s => s.UserName).HasMaxLength(255);
        entity.Property(s => s.ProtectedPassword).HasMaxLength(4000);
        entity.Property(s => s.FromAddress).HasMaxLength(320);
        entity.Property(s => s.FromName).HasMaxLength(200);
        entity.Property(s => s.TlsMode).HasConversion<string>().HasMaxLength(32);
        entity.HasOne<Organization>().WithOne().HasForeignKey<SmtpSettings>(s => s.OrganizationId);
    }
}

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> entity)
    {
        entity.Property(t => t.Name).HasMaxLength(100);
        entity.Property(t => t.Subject).HasMaxLength(MessageTemplates.SubjectLength);
        entity.Property(t => t.Body).HasMaxLength(MessageTemplates.BodyLength);
        entity.HasIndex(t => new { t.PracticeId, t.Name }).IsUnique();
        entity.HasOne<Practice>().WithMany().HasForeignKey(t => t.PracticeId);
    }
}

internal sealed class MessageLogConfiguration : IEntityTypeConfiguration<MessageLog>
{
    public void Configure(EntityTypeBuilder<MessageLog> entity)
    {
        entity.Property(m => m.ToAddress).HasMaxLength(320);
        entity.Property(m => m.Subject).HasMaxLength(400);
        entity.Property(m => m.Error).HasMaxLength(500);
        entity.Property(m => m.SentBy).HasMaxLength(200);
        entity.Property(m => m.PmsLogNote).HasMaxLength(300);
        entity.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        entity.HasIndex(m => new { m.PatientId, m.At });
        entity.HasOne<Patient>().WithMany().HasForeignKey(m => m.PatientId);
        entity.HasOne<MessageTemplate>().WithMany().HasForeignKey(m => m.TemplateId).OnDelete(DeleteBehavior.SetNull);
    }
}
