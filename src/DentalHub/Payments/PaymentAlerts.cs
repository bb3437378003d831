using DentalHub.Alerts;
using DentalHub.Data;

namespace DentalHub.Payments;

/// <summary>Alerts about one payment besides those its write raises (not recorded, needs review).</summary>
public static class PaymentAlerts
{
    /// <summary>The processor reported details after the payment was sent to the PMS, and the PMS has something else.</summary>
    public const string ChangedAfterSent = "payment.changed-after-sent";

    public static void Raise(DentalHubDb db, Payment payment, string kind, string text, DateTimeOffset now) =>
        db.Alerts.Add(new Alert { PracticeId = payment.PracticeId, Kind = kind, SubjectId = payment.Id, Text = text, CreatedAt = now });
}
