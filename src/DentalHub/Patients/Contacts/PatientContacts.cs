using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Patients.Phones;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Patients.Contacts;

public sealed record ContactView(Guid Id, string Name, string? Relationship, string? Phone, string? Email, string? Note, bool MayReceiveMessages);

/// <summary>Extra contacts on a profile: added, changed and removed by staff, each change audited (without the contact's details).</summary>
public sealed class PatientContacts(DentalHubDbFactory databases, AuditLog audit, TimeProvider time)
{
    public const int MaxPerPatient = 10;

    public async Task<IReadOnlyList<ContactView>> ListAsync(TenantScope tenant, Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        return await db.PatientContacts.AsNoTracking().Where(c => c.PatientId == patientId).OrderBy(c => c.CreatedAt)
            .Select(c => new ContactView(c.Id, c.Name, c.Relationship, c.Phone, c.Email, c.Note, c.MayReceiveMessages))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds (<paramref name="contactId"/> null) or changes a contact; returns the problems instead when there are any, and then saves nothing.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(TenantScope tenant, AuditActor actor, Guid patientId, Guid? contactId, ContactInput input, CancellationToken cancellationToken)
    {
        var clean = input.Cleaned();
        if (clean.Problems() is { Count: > 0 } problems)
        {
            return problems;
        }
        await using var db = databases.Create(tenant);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            return ["This patient is not in this practice."];
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        PatientContact? contact;
        if (contactId is { } id)
        {
            contact = await db.PatientContacts.FirstOrDefaultAsync(c => c.Id == id && c.PatientId == patientId, cancellationToken);
            if (contact is null)
            {
                return ["This contact was removed in the meantime."];
            }
            await db.PatientPhones.Where(p => p.PatientId == patientId && p.Kind == PhoneKind.Contact && p.ContactId == id).ExecuteDeleteAsync(cancellationToken);
        }
        else
        {
            if (await db.PatientContacts.CountAsync(c => c.PatientId == patientId, cancellationToken) >= MaxPerPatient)
            {
                return [$"A profile holds at most {MaxPerPatient} extra contacts: remove one first."];
            }
            contact = new PatientContact { PracticeId = tenant.PracticeId!.Value, PatientId = patientId, CreatedAt = now };
            db.PatientContacts.Add(contact);
        }
        (contact.Name, contact.Relationship, contact.Phone, contact.Email, contact.Note, contact.MayReceiveMessages, contact.UpdatedAt) =
            (clean.Name!, clean.Relationship, clean.Phone, clean.Email, clean.Note, clean.MayReceiveMessages, now);
        if (PatientPhone.For(contact.PracticeId, patientId, PhoneKind.Contact, contact.Phone, contact.Id) is { } phone)
        {
            db.PatientPhones.Add(phone);
        }
        audit.Add(db, actor, ContactAuditActions.Saved, contactId is null ? "Extra contact added" : "Extra contact changed", patientId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    public async Task<bool> RemoveAsync(TenantScope tenant, AuditActor actor, Guid patientId, Guid contactId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.PatientPhones.Where(p => p.PatientId == patientId && p.Kind == PhoneKind.Contact && p.ContactId == contactId).ExecuteDeleteAsync(cancellationToken);
        var removed = await db.PatientContacts.Where(c => c.Id == contactId && c.PatientId == patientId).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            audit.Add(db, actor, ContactAuditActions.Removed, "Extra contact removed", patientId);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return removed > 0;
    }
}

public static class ContactAuditActions
{
    public const string Saved = "patient.contact-saved";
    public const string Removed = "patient.contact-removed";
}
