using DentalHub.Audit;
using DentalHub.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DentalHub.Payments;

public enum AssignmentOutcome
{
    Assigned,

    /// <summary>It was assigned to this patient already; nothing changed.</summary>
    AlreadyAssigned,

    /// <summary>It belongs to another patient; reassigning a payment is not offered.</summary>
    AssignedToAnother,

    PaymentNotFound,
    PatientNotFound,

    /// <summary>A processor event was changing it at the same moment; assigning again works.</summary>
    TryAgain,
}

/// <summary>
/// Staff say whose payment it is when it arrived without a patient. The payment's write to the PMS is planned
/// in the same transaction, exactly once (the payment's version guards against two assignments at once).
/// </summary>
public sealed class PaymentAssignment(PaymentChanges changes, AuditLog audit)
{
    public async Task<(AssignmentOutcome Outcome, Payment? Payment)> AssignAsync(TenantScope tenant, AuditActor actor, Guid paymentId, Guid patientId, CancellationToken cancellationToken)
    {
        var patientFound = true;
        var change = await changes.ApplyAsync(tenant, p => p.Id == paymentId, async (payment, db) =>
        {
            if (payment.PatientId is not null)
            {
                return false;
            }
            patientFound = await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken);
            if (!patientFound)
            {
                return false;
            }
            payment.PatientId = patientId;
            return true;
        }, (db, payment) => audit.Add(db, actor, "payment.assigned", $"Payment {payment.Id}", payment.PatientId), cancellationToken);
        var outcome = change switch
        {
            { Outcome: PaymentChangeOutcome.NotFound } => AssignmentOutcome.PaymentNotFound,
            { Outcome: PaymentChangeOutcome.Changed } => AssignmentOutcome.Assigned,
            { Outcome: PaymentChangeOutcome.TryAgainLater } => AssignmentOutcome.TryAgain,
            _ when !patientFound => AssignmentOutcome.PatientNotFound,
            { Payment.PatientId: var assigned } when assigned == patientId => AssignmentOutcome.AlreadyAssigned,
            _ => AssignmentOutcome.AssignedToAnother,
        };
        return (outcome, change.Payment);
    }
}
