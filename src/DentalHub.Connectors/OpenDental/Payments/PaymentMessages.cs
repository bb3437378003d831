using DentalHub.Connectors.OpenDental.Api;

namespace DentalHub.Connectors.OpenDental.Payments;

/// <summary>What staff read about a payment write. Never includes the keys; Open Dental's own explanation is quoted.</summary>
internal static class PaymentMessages
{
    public const string NeedsKeys =
        "Writing payments needs Open Dental's API keys: add the developer key and customer key to this connection.";

    /// <summary>What a database-mode connection lacks to write payments, as its connection check says it.</summary>
    public const string AddKeys = "add Open Dental's API keys (developer key and customer key) to this connection; Open Dental accepts payments only through its API";

    public const string BadReference = "The payment's DentalHub reference cannot be stored in Open Dental's payment note.";
    public const string BadPatient = "The payment's patient is not an Open Dental patient number (PatNum).";
    public const string NotPositive = "Open Dental records payments of more than zero; refunds are not written from DentalHub.";
    public const string FractionOfACent = "The payment's amount has fractions of a cent, which Open Dental cannot record.";
    public const string BadPaymentType = "The payment type chosen in the writeback settings is not an Open Dental payment type. Choose it again.";

    public static string Refused(int status, string explanation) =>
        explanation.Length == 0
            ? $"Open Dental refused the payment (HTTP {status})."
            : $"Open Dental refused the payment: {explanation}";

    public static string Throttled =>
        "Open Dental asked DentalHub to wait before sending more; the payment was not recorded and will be sent again.";

    public static string Unreachable(ApiSettings settings) =>
        $"DentalHub could not connect to Open Dental's API at {settings.Address}; the payment was not sent and will be sent again.";

    public static string ServerError(int status) =>
        $"Open Dental's API answered with an error (HTTP {status}), which does not tell whether the payment was recorded. DentalHub will look for it in Open Dental before sending it again.";

    public static string NoAnswer(ApiSettings settings) =>
        $"Open Dental's API at {settings.Address} did not answer within {settings.RequestTimeout.TotalSeconds:0.#} seconds, so the payment may or may not have been recorded. DentalHub will look for it in Open Dental before sending it again.";

    public const string Dropped =
        "The connection to Open Dental's API was lost after the payment was sent, so it may or may not have been recorded. DentalHub will look for it in Open Dental before sending it again.";

    public static string Unexpected(int status) =>
        $"Open Dental's API gave an unexpected answer (HTTP {status}), which does not tell whether the payment was recorded. DentalHub will look for it in Open Dental before sending it again.";

    public const string NoPayNum =
        "Open Dental accepted the payment but its answer did not say which payment it created. DentalHub will look for it in Open Dental.";
}
