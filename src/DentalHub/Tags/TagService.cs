using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Patients;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Tags;

public sealed record TagView(Guid Id, string Name, TagKind Kind);

public sealed record PatientTagView(Guid TagId, string Name, TagKind Kind, PatientTagSource Source);

public sealed record TagMappingView(Guid Id, TagMappingKind Kind, PatientStatus? Status, string? ClinicId, Guid TagId, string TagName);

/// <summary>The practice's tags and mappings (Admins, on the Tags page) and staff tagging of patients (profile).</summary>
public sealed class TagService(DentalHubDbFactory databases, AuditLog audit, TimeProvider time)
{
    public const int NameLength = 60;

    public async Task<IReadOnlyList<TagView>> ListAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await db.Tags.AsNoTracking().OrderBy(t => t.Kind).ThenBy(t => t.Name)
            .Select(t => new TagView(t.Id, t.Name, t.Kind)).ToListAsync(cancellationToken);
    }

    public async Task<string?> CreateAsync(TenantScope tenant, AuditActor actor, string? name, TagKind kind, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > NameLength)
        {
            return $"Give the tag a name (up to {NameLength} characters).";
        }
        await using var db = databases.Create(tenant);
        if (await db.Tags.AnyAsync(t => t.Name == trimmed, cancellationToken))
        {
            return "There is already a tag with that name.";
        }
        db.Tags.Add(new Tag { PracticeId = tenant.PracticeId!.Value, Name = trimmed, Kind = kind });
        audit.Add(db, actor, TagAuditActions.TagsChanged, $"Tag '{trimmed}' ({kind}) created");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<IReadOnlyList<TagMappingView>> MappingsAsync(TenantScope tenant, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await db.TagMappings.AsNoTracking()
            .Join(db.Tags, m => m.TagId, t => t.Id, (m, t) => new { Mapping = m, t.Name })
            .OrderBy(x => x.Mapping.Kind).ThenBy(x => x.Name)
            .Select(x => new TagMappingView(x.Mapping.Id, x.Mapping.Kind, x.Mapping.Status, x.Mapping.ClinicId, x.Mapping.TagId, x.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Maps a PMS status (or, with <paramref name="clinicId"/>, a clinic) to a tag and reapplies the practice's mappings.</summary>
    public async Task<string?> MapAsync(TenantScope tenant, AuditActor actor, Guid tagId, PatientStatus? status, string? clinicId, CancellationToken cancellationToken)
    {
        clinicId = string.IsNullOrWhiteSpace(clinicId) ? null : clinicId.Trim();
        if ((status is null) == (clinicId is null) || clinicId?.Length > 64)
        {
            return "Map either a PMS status or a PMS clinic id (up to 64 characters).";
        }
        await using var db = databases.Create(tenant);
        var tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tagId, cancellationToken);
        if (tag is null || tag.Kind == TagKind.Custom)
        {
            return "Map to a status or location tag; custom tags are for staff to set.";
        }
        var kind = status is null ? TagMappingKind.Clinic : TagMappingKind.Status;
        if (await db.TagMappings.AnyAsync(m => m.TagId == tagId && m.Kind == kind && m.Status == status && m.ClinicId == clinicId, cancellationToken))
        {
            return "That mapping is already there.";
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.TagMappings.Add(new TagMapping { PracticeId = tenant.PracticeId!.Value, TagId = tagId, Kind = kind, Status = status, ClinicId = clinicId });
        audit.Add(db, actor, TagAuditActions.MappingsChanged, $"{(status is { } s ? PatientStatusText.Of(s) : "clinic " + clinicId)} → '{tag.Name}'");
        await db.SaveChangesAsync(cancellationToken);
        await TagMappingApplier.ApplyToPracticeAsync(db, tenant.PracticeId.Value, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    public async Task UnmapAsync(TenantScope tenant, AuditActor actor, Guid mappingId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.TagMappings.Where(m => m.Id == mappingId).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            audit.Add(db, actor, TagAuditActions.MappingsChanged, "Mapping removed");
            await db.SaveChangesAsync(cancellationToken);
            await TagMappingApplier.ApplyToPracticeAsync(db, tenant.PracticeId!.Value, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PatientTagView>> ForPatientAsync(TenantScope tenant, Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await db.PatientTags.AsNoTracking().Where(pt => pt.PatientId == patientId)
            .Join(db.Tags, pt => pt.TagId, t => t.Id, (pt, t) => new { Tag = t, pt.Source })
            .OrderBy(x => x.Tag.Kind).ThenBy(x => x.Tag.Name)
            .Select(x => new PatientTagView(x.Tag.Id, x.Tag.Name, x.Tag.Kind, x.Source)).ToListAsync(cancellationToken);
    }

    /// <summary>Staff put a custom tag on a patient; status and location tags come from the PMS mappings only.</summary>
    public async Task<string?> AddToPatientAsync(TenantScope tenant, AuditActor actor, Guid patientId, Guid tagId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken)
            || !await db.Tags.AnyAsync(t => t.Id == tagId && t.Kind == TagKind.Custom, cancellationToken))
        {
            return "Pick one of the practice's custom tags.";
        }
        if (await db.PatientTags.AnyAsync(pt => pt.PatientId == patientId && pt.TagId == tagId, cancellationToken))
        {
            return null;
        }
        db.PatientTags.Add(new PatientTag { PatientId = patientId, TagId = tagId, PracticeId = tenant.PracticeId!.Value, Source = PatientTagSource.Staff, AddedAt = time.GetUtcNow() });
        audit.Add(db, actor, TagAuditActions.PatientTagged, "Tag added", patientId);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task RemoveFromPatientAsync(TenantScope tenant, AuditActor actor, Guid patientId, Guid tagId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var removed = await db.PatientTags.Where(pt => pt.PatientId == patientId && pt.TagId == tagId && pt.Source == PatientTagSource.Staff)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            await audit.RecordAsync(tenant, actor, TagAuditActions.PatientTagged, "Tag removed", patientId, cancellationToken);
        }
    }
}

public static class TagAuditActions
{
    public const string TagsChanged = "tags.changed";
    public const string MappingsChanged = "tags.mappings-changed";
    public const string PatientTagged = "patient.tagged";
}
