using System.Text.Json;
using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Patients;
using DentalHub.Sync;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.ImportFailures;

/// <summary>
/// A person settles an ambiguous match: this PMS patient is that existing profile, or a new one.
/// Nothing is ever merged by guess; the decision is audited and the next sync keeps the link.
/// </summary>
public sealed class ImportFailureResolution(DentalHubDbFactory databases, AuditLog audit, TimeProvider time)
{
    public async Task<string?> LinkToExistingAsync(TenantScope tenant, AuditActor actor, Guid failureId, Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var failure = await db.ImportFailures.FirstOrDefaultAsync(f => f.Id == failureId, cancellationToken);
        var details = Details(failure);
        if (failure is null || details is null)
        {
            return "This failure was already resolved or cannot be resolved here.";
        }
        if (details.Candidates.All(c => c.PatientId != patientId) || !await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            return "Choose one of the listed profiles.";
        }
        if (await db.PatientLinks.AnyAsync(l => l.ConnectionId == failure.ConnectionId && l.PatientId == patientId, cancellationToken))
        {
            return "That profile is already linked to another patient of this PMS. Check the patient in the PMS first.";
        }
        Link(db, failure, details, patientId);
        db.ImportFailures.Remove(failure);
        audit.Add(db, actor, AuditActions.ImportFailureResolved, $"PMS patient {failure.PmsId} linked to an existing profile", patientId);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<string?> CreateNewAsync(TenantScope tenant, AuditActor actor, Guid failureId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var failure = await db.ImportFailures.FirstOrDefaultAsync(f => f.Id == failureId, cancellationToken);
        var details = Details(failure);
        if (failure is null || details is null || details.Record.BirthDate is null)
        {
            return "This failure was already resolved or cannot be resolved here.";
        }
        var record = details.Record;
        var now = time.GetUtcNow();
        var patient = new Patient
        {
            PracticeId = failure.PracticeId,
            FirstName = record.FirstName!.Trim(),
            LastName = record.LastName!.Trim(),
            MiddleName = record.MiddleName,
            PreferredName = record.PreferredName,
            BirthDate = record.BirthDate,
            Gender = (PatientGender)(int)record.Gender,
            Status = (PatientStatus)(int)record.Status,
            Email = record.Email is { } email && PatientValidation.IsValidEmail(email.Trim()) ? email.Trim() : null,
            HomePhone = record.Phones.Home,
            MobilePhone = record.Phones.Mobile,
            WorkPhone = record.Phones.Work,
            AddressLine1 = record.Address.Line1,
            AddressLine2 = record.Address.Line2,
            City = record.Address.City,
            State = record.Address.State,
            PostalCode = record.Address.PostalCode,
            MatchKey = MatchKeys.For(record.FirstName!, record.LastName!, record.BirthDate.Value),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Patients.Add(patient);
        db.PatientPhones.AddRange(Patients.Phones.PatientPhone.OfProfile(patient));
        Link(db, failure, details, patient.Id);
        db.ImportFailures.Remove(failure);
        audit.Add(db, actor, AuditActions.ImportFailureResolved, $"PMS patient {failure.PmsId} made a new profile", patient.Id);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private void Link(DentalHubDb db, ImportFailure failure, FailureDetails details, Guid patientId)
    {
        var now = time.GetUtcNow();
        db.PatientLinks.Add(new PatientLink
        {
            PracticeId = failure.PracticeId,
            ConnectionId = failure.ConnectionId,
            PmsId = failure.PmsId,
            PatientId = patientId,
            GuarantorPmsId = details.Record.GuarantorPmsId,
            ClinicId = details.Record.ClinicId,
            ProviderId = details.Record.PrimaryProviderId,
            // No hash: the next sync writes the PMS's current values onto the chosen profile.
            ContentHash = 0,
            LinkedAt = now,
            SyncedAt = now,
        });
    }

    private static FailureDetails? Details(ImportFailure? failure) =>
        failure?.Reason is ImportFailureReason.AmbiguousMatch && failure.DetailsJson is { } json
            ? JsonSerializer.Deserialize<FailureDetails>(json, FailureDetails.Json)
            : null;
}
