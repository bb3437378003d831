using System.Net;

namespace DentalHub.Connectors.NexHealth;

/// <summary>What a person should fix when NexHealth refuses or fails (docs.nexhealth.com/reference/errors, /docs/when-something-breaks).</summary>
internal static class NexHealthMessages
{
    public const string KeyRefused =
        "NexHealth refused the API key. Check the key in the connection: a sandbox key reaches only sandbox practices and a production key only live ones (the Test mode toggle in NexHealth's Developer Portal shows which practices each key sees).";

    public static string NoAccessToPractice(NexHealthSettings settings) =>
        $"NexHealth's API key cannot reach the practice \"{settings.Subdomain}\". Check the subdomain (the Institutions page of NexHealth's Developer Portal lists those your key reaches), and that the practice is on your NexHealth account.";

    public static string NoSuchLocation(NexHealthSettings settings) =>
        $"NexHealth's practice \"{settings.Subdomain}\" has no location {settings.Location} that your API key reaches. Check the location id on the Institutions page of NexHealth's Developer Portal.";

    public static string NoAccessTo(string what, NexHealthSettings settings) =>
        $"NexHealth does not let this API key read {what} at location {settings.Location} of \"{settings.Subdomain}\". Ask NexHealth to give the key access to that location.";

    public static string OtherSystem(NexHealthPms expected, string found, NexHealthSettings settings) =>
        $"NexHealth says location {settings.Location} of \"{settings.Subdomain}\" runs {found}, not {expected.Name}. Add the connection as \"{found} through NexHealth\" instead.";

    /// <summary>Financial data (insurance, charges, payments, ...) answers 403 until NexHealth turns it on (docs.nexhealth.com/docs/payments-configuration-guide).</summary>
    public static string FinancialsOff(NexHealthPms pms, NexHealthSettings settings) =>
        $"NexHealth has not turned on financial data (insurance, charges, payments) for \"{settings.Subdomain}\" yet, so DentalHub cannot read {pms.Name}'s insurance. " +
        "Ask NexHealth to enable it; a practice's history takes up to a day to arrive after that.";

    /// <summary>402 or 403 on payments: NexHealth has not turned on payments (financial data) for the practice or the account.</summary>
    public static string PaymentsOff(NexHealthPms pms, NexHealthSettings settings) =>
        $"NexHealth does not let DentalHub record payments in {pms.Name} for \"{settings.Subdomain}\" yet: its financial endpoints are not turned on for the practice or your NexHealth account. " +
        "Ask NexHealth to enable payments; DentalHub records the waiting payments once it can.";

    /// <summary>NexHealth refused a payment (400): its own words are about the request, never about the patient.</summary>
    public static string PaymentRefused(NexHealthPms pms, string errors) =>
        $"NexHealth refused the payment for {pms.Name}{Explained(errors)}. Check the patient and the payment type in {pms.Name}, then retry it or post it by hand.";

    /// <summary>NexHealth's <c>.failed</c> event carries no reason (docs.nexhealth.com/docs/writes).</summary>
    public static string WriteFailed(NexHealthPms pms, string what) =>
        $"NexHealth reported that {pms.Name} did not take the {what} (NexHealth gives no reason). Check the patient's account in {pms.Name}, then retry it or post it by hand.";

    public static string ReadStale(NexHealthPms pms, NexHealthSettings settings, DateTimeOffset? readAt) =>
        $"NexHealth has stopped reading from {pms.Name} for location {settings.Location} (its read status is red{Since(readAt)}). " +
        $"Check that NexHealth's Synchronizer is running on the practice's server (for a cloud system, that staff run NexHealth's browser extension); until it reads again, DentalHub sees no changes.";

    public static string WriteStale(NexHealthPms pms, DateTimeOffset? writeAt) =>
        $"NexHealth cannot write to {pms.Name} now (its write status is red{Since(writeAt)}).";

    public static string For(HttpStatusCode status, string errors, NexHealthSettings settings) => status switch
    {
        HttpStatusCode.Unauthorized => KeyRefused,
        HttpStatusCode.Forbidden => NoAccessToPractice(settings),
        HttpStatusCode.NotFound => $"NexHealth's API answered \"not found\" at {settings.BaseUrl.GetLeftPart(UriPartial.Authority)}{Explained(errors)}. Check the API address, the subdomain and the location id.",
        HttpStatusCode.TooManyRequests =>
            "NexHealth kept refusing requests as over its rate limit after DentalHub waited for several minutes; another program may be using the same API key. The next sync will try again.",
        >= HttpStatusCode.InternalServerError =>
            $"NexHealth's API answered with an error (HTTP {(int)status}) several times. The next sync will try again.",
        _ => $"NexHealth's API refused the request (HTTP {(int)status}{Explained(errors)}).",
    };

    public static string Failed(string errors) => $"NexHealth's API reported a failure{Explained(errors)}. The next sync will try again.";

    public static string Unreachable(NexHealthSettings settings) =>
        $"DentalHub could not reach NexHealth's API at {settings.BaseUrl.GetLeftPart(UriPartial.Authority)}. Check the API address and this computer's internet connection.";

    public const string TimedOut = "NexHealth's API did not answer in time, several times. The next sync will try again.";

    public static string Unreadable(string what) =>
        $"NexHealth's API answered with something DentalHub could not read as {what}. Check the API address.";

    private static string Since(DateTimeOffset? at) =>
        at is { } time ? $" since {time.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "";

    // NexHealth's error strings are about the request (parameters, access), never about patients.
    private static string Explained(string errors)
    {
        var text = errors.ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? "" : ": " + (text.Length > 200 ? text[..200] : text);
    }
}
