using System.Globalization;

namespace DentalHub.Connectors.QuickBooks;

/// <summary>What staff read about QuickBooks. Never tokens or secrets; QuickBooks' own error texts are quoted as details.</summary>
internal static class QuickBooksMessages
{
    public const string Reconnect =
        "QuickBooks no longer accepts DentalHub's authorization (it was disconnected in QuickBooks or has expired). Reconnect QuickBooks on the connection's page.";

    public const string Throttled =
        "QuickBooks asked DentalHub to wait before sending more; nothing was recorded and it will be sent again.";

    public const string Dropped = "The connection to QuickBooks was lost before it answered.";

    public const string NoDepositId =
        "QuickBooks accepted the deposit but its answer did not say which deposit it created. DentalHub will look for it in QuickBooks.";

    public static string NotAllowed(QuickBooksFault? fault) => fault?.Has(QuickBooksFault.CompanyStatus) == true
        ? "QuickBooks will not accept data for this company: its subscription has ended, was cancelled, or has a billing problem. Once the company's QuickBooks subscription is active again, DentalHub continues."
        : "QuickBooks does not allow DentalHub to do this for the company any more (the app's access was withdrawn, or the signed-in user lost the rights). Reconnect QuickBooks with a user who is a company admin.";

    public static string ThrottledForLong(TimeSpan wait) =>
        $"QuickBooks has stopped taking requests from DentalHub's app for {Duration(wait)} (Intuit limits how many calls an app makes). Nothing was recorded; DentalHub continues when the limit ends.";

    public static string Unreachable(QuickBooksSettings settings) => $"DentalHub could not connect to QuickBooks at {settings.ApiBaseUrl.Host}.";

    public static string NoAnswer(QuickBooksSettings settings) =>
        $"QuickBooks did not answer within {settings.RequestTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} seconds.";

    public static string ServerError(int status) => $"QuickBooks answered with an error (HTTP {status}).";

    public static string NotSent(string what, bool write) =>
        write ? $" {Capital(what)} was not sent and will be sent again." : " DentalHub will try again.";

    public static string MaybeApplied(string what, bool write) =>
        write ? $" So {what} may or may not have been recorded; DentalHub will look for it in QuickBooks before sending it again." : " DentalHub will try again.";

    public static string Refused(string what) => $"QuickBooks refused {what}.";

    public static string RefusedWithStatus(string what, int status) => $"QuickBooks refused {what} (HTTP {status}).";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Duration(TimeSpan wait) => wait.TotalHours >= 1
        ? $"{Math.Ceiling(wait.TotalHours).ToString(CultureInfo.InvariantCulture)} hours"
        : $"{Math.Ceiling(wait.TotalMinutes).ToString(CultureInfo.InvariantCulture)} minutes";
}
