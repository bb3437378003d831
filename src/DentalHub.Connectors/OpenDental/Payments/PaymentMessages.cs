using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Payments;

/// <summary>What staff read about a payment write. Never includes the keys; Open Dental's own explanation is quoted.</summary>
internal static class PaymentMessages
{
    public static WriteMessages Write { get; } = new("payment", "PayNum");

    public const string NeedsKeys =
        "Writing payments needs Open Dental's API keys: add the developer key and customer key to this connection.";

    /// <summary>What a database-mode connection lacks to write payments, as its connection check says it.</summary>
    public const string AddKeys = "add Open Dental's API keys (developer key and customer key) to this connection; Open Dental accepts payments only through its API";

    public const string BadReference = "The payment's DentalHub reference cannot be stored in Open Dental's payment note.";
    public const string BadPatient = "The payment's patient is not an Open Dental patient number (PatNum).";
    public const string NotPositive = "Open Dental records payments of more than zero; refunds are not written from DentalHub.";
    public const string FractionOfACent = "The payment's amount has fractions of a cent, which Open Dental cannot record.";
    public const string BadPaymentType = "The payment type chosen in the writeback settings is not an Open Dental payment type. Choose it again.";
}
