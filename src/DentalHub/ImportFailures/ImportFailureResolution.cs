using System.Text.Json;
using DentalHub.Audit;
using DentalHub.Data;
using DentalHub.Patients;
using DentalHub.Sync;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.ImportFailures;

/// <summary>
/// A person settles a match sync would not guess: this PMS patient is that existing profile (for a duplicate in
/// the PMS: the same person, both records sharing one profile), or a new one (different people). Nothing is
/// ever merged by guess; the decision is audited, and the link it makes is what the next sync follows, so the
/// failure does not come back.
/// </summary>
public sealed class ImportFailureResolution(DentalHubDbFactory databases, AuditLog audit, TimeProvider time)
{
    public const string Gone = "This failure was already resolved or cannot be resolved here.";

    public async Task<ResolutionResult> LinkToExistingAsync(TenantScope tenant, AuditActor actor, Guid failureId, Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var failure = await db.ImportFailures.FirstOrDefaultAsync(f => f.Id == failureId, cancellationToken);
        var details = Details(failure);
        if (failure is null || details is null)
        {
            return ResolutionResult.NotFound;
        }
        if (details.Candidates.All(c => c.PatientId != patientId) || !await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            return ResolutionResult.Refused("Choose one of the listed profiles.");
        }
        Link(db, failure, details, patientId);
        db.ImportFailures.Remove(failure);
        var what = failure.Reason == ImportFailureReason.DuplicateInPms ? "the same person as the profile's other record" : "an existing profile";
        audit.Add(db, actor, AuditActions.ImportFailureResolved, $"PMS patient {failure.PmsId} linked to {what}", patientId);
        await db.SaveChangesAsync(cancellationToken);
        return ResolutionResult.Done(patientId);
    }

    public async Task<ResolutionResult> CreateNewAsync(TenantScope tenant, AuditActor actor, Guid failureId, CancellationToken cancellationToken)
    {
        await using var db = databases.Create(tenant);
        var failure = await db.ImportFailures.FirstOrDefaultAsync(f => f.Id == failureId, cancellationToken);
        var details = Details(failure);
        if (failure is null || details is null || details.Record.BirthDate is null)
        {
            return ResolutionResult.NotFound;
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
        var why = failure.Reason == ImportFailureReason.DuplicateInPms ? " (a different person from the other record)" : "";
        audit.Add(db, actor, AuditActions.ImportFailureResolved, $"PMS patient {failure.PmsId} made a new profile{why}", patient.Id);
        await db.SaveChangesAsync(cancellationToken);
        return ResolutionResult.Done(patient.Id);
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

    /// <summary>Whether a person can settle this failure here (rather than by fixing the record in the PMS).</summary>
    public static bool IsResolvable(ImportFailureReason reason) => reason is ImportFailureReason.AmbiguousMatch or ImportFailureReason.DuplicateInPms;

    private static FailureDetails? Details(ImportFailure? failure) =>
        failure is not null && IsResolvable(failure.Reason) && failure.DetailsJson is { } json
            ? JsonSerializer.Deserialize<FailureDetails>(json, FailureDetails.Json)
            : null;
}

/// <summary>What settling a failure did: the profile the PMS patient is now linked to, or why it was not settled.</summary>
public sealed record ResolutionResult(Guid? PatientId, string? Error, bool FailureGone)
{
    public static ResolutionResult NotFound { get; } = new(null, ImportFailureResolution.Gone, true);

    public static ResolutionResult Refused(string error) => new(null, error, false);

    public static ResolutionResult Done(Guid patientId) => new(patientId, null, false);
}
