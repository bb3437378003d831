using System.Security.Cryptography;
using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Patients.Photos;

/// <summary>The stored bytes of one photo size, with the version its ETag is made of.</summary>
public sealed record PhotoContent(byte[] Bytes, string Version);

/// <summary>Profile photos: upload (validated and re-encoded), remove, read; changes audited.</summary>
public sealed class PatientPhotos(DentalHubDbFactory databases, AuditLog audit, TimeProvider time)
{
    /// <summary>Stores the photo; returns what is wrong with the upload instead, and then changes nothing.</summary>
    public async Task<string?> SaveAsync(TenantScope tenant, AuditActor actor, Guid patientId, byte[] upload, CancellationToken cancellationToken)
    {
        var (photo, error) = PhotoImage.Process(upload);
        if (photo is null)
        {
            return error;
        }
        await using var db = databases.Create(tenant);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            return "This patient is not in this practice.";
        }
        var stored = await db.PatientPhotos.FirstOrDefaultAsync(p => p.PatientId == patientId, cancellationToken);
        var version = Convert.ToHexStringLower(SHA256.HashData(photo.Image))[..32];
        if (stored is null)
        {
            db.PatientPhotos.Add(new PatientPhoto
            {
                PatientId = patientId, PracticeId = tenant.PracticeId!.Value, Image = photo.Image, Thumbnail = photo.Thumbnail,
                Version = version, UploadedAt = time.GetUtcNow(), UploadedBy = actor.Name,
            });
        }
        else
        {
            (stored.Image, stored.Thumbnail, stored.Version, stored.UploadedAt, stored.UploadedBy) = (photo.Image, photo.Thumbnail, version, time.GetUtcNow(), actor.Name);
        }
        audit.Add(db, actor, PhotoAuditActions.Uploaded, stored is null ? "Profile photo added" : "Profile photo replaced", patientId);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<bool> RemoveAsync(TenantScope tenant, AuditActor actor, Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.PatientPhotos.Where(p => p.PatientId == patientId).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            audit.Add(db, actor, PhotoAuditActions.Removed, "Profile photo removed", patientId);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return removed > 0;
    }

    /// <summary>The photo's version (for its URL), or null without a photo; reads no image bytes.</summary>
    public async Task<string?> VersionAsync(TenantScope tenant, Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await db.PatientPhotos.Where(p => p.PatientId == patientId).Select(p => p.Version).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<PhotoContent?> ReadAsync(TenantScope tenant, Guid patientId, bool thumbnail, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var photos = db.PatientPhotos.AsNoTracking().Where(p => p.PatientId == patientId);
        return thumbnail
            ? await photos.Select(p => new PhotoContent(p.Thumbnail, p.Version)).FirstOrDefaultAsync(cancellationToken)
            : await photos.Select(p => new PhotoContent(p.Image, p.Version)).FirstOrDefaultAsync(cancellationToken);
    }
}

public static class PhotoAuditActions
{
    public const string Uploaded = "patient.photo-uploaded";
    public const string Removed = "patient.photo-removed";
}
