using System.Globalization;

namespace DentalHub.Alerts;

/// <summary>What an alert is about: its name as people know it and its page in the hub. Never a patient's data.</summary>
public sealed record AlertSubject(string Name, string Link)
{
    private static readonly CultureInfo Display = CultureInfo.GetCultureInfo("en-US");

    public static AlertSubject Payment(Payments.Payment payment, TimeZoneInfo zone) => new(
        string.Create(Display, $"Payment of {payment.Gross:N2} {payment.Currency} received {TimeZoneInfo.ConvertTime(payment.ReceivedAt, zone):MMM d, yyyy} ({payment.ProcessorReference})"),
        $"/payments?payment={payment.Id}");

    public static AlertSubject Payout(Payouts.Payout payout) => new(
        string.Create(Display, $"Payout {payout.ProcessorPayoutId} of {payout.NetAmount:N2} {payout.Currency} arriving {payout.ArrivalDate:MMM d, yyyy}"),
        $"/payouts?payout={payout.Id}");

    /// <summary>A patient's communication logs, named without the patient's data: the link opens the profile for those who may see it.</summary>
    public static AlertSubject PatientLogs(Guid patientId) => new("A patient's communication log", $"/patients/{patientId}");

    /// <summary>An adjustment on a patient's account, named without the patient's data.</summary>
    public static AlertSubject PatientAdjustment(Guid patientId) => new("An adjustment on a patient's account", $"/patients/{patientId}");
    /// <summary>A patient's appointment booked or changed from DentalHub; the profile lists it with its state.</summary>
    public static AlertSubject PatientAppointment(Guid patientId) => new("A patient's appointment", $"/patients/{patientId}#appointments");

    /// <summary>A patient's insurance claim changed from DentalHub; the profile lists it with its update's state.</summary>
    public static AlertSubject PatientClaim(Guid patientId) => new("A patient's insurance claim", $"/patients/{patientId}#claims");
    /// <summary>A document attached to a patient's chart, named without the patient's data.</summary>
    public static AlertSubject PatientDocument(Guid patientId) => new("A document for a patient's chart", $"/patients/{patientId}#documents");

    public static AlertSubject Connection(Guid id, string name) => new($"Connection '{name}'", $"/connections/{id}");
}
