using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.QuickBooks;

/// <summary>
/// The deposit's PrivateNote (the "Memo" the bookkeeper sees): the memo, then our reference as
/// <c>[DentalHub ref {reference}]</c>. QuickBooks cannot filter deposits by PrivateNote, so a written deposit is found
/// by date and this marker; the closing bracket means "po_1" is never found inside "po_12".
/// </summary>
internal static class DepositNote
{
    /// <summary>Intuit's limit for PrivateNote.</summary>
    public const int LongestNote = 4000;
    public const int LongestReference = 100;
    public const int LongestRequestId = 50;

    public static string Marker(string reference) => $"[DentalHub ref {reference}]";

    /// <summary>The memo is shortened, never the marker, so the note always fits and can always be found.</summary>
    public static string For(DepositWrite deposit)
    {
        var marker = Marker(deposit.Reference);
        var memo = deposit.Memo.Trim();
        var room = LongestNote - marker.Length - 1;
        if (memo.Length > room)
        {
            memo = memo[..room];
        }
        return memo.Length == 0 ? marker : $"{memo} {marker}";
    }

    public static bool Carries(string? note, string reference) =>
        note?.Contains(Marker(reference), StringComparison.Ordinal) == true;

    /// <summary>Why the deposit cannot be sent as it is, or null. Checked before anything is sent.</summary>
    public static string? Problem(DepositWrite deposit)
    {
        if (string.IsNullOrWhiteSpace(deposit.Reference) || deposit.Reference.Length > LongestReference
            || deposit.Reference != deposit.Reference.Trim() || deposit.Reference.Any(c => c is '[' or ']' || char.IsControl(c)))
        {
            return "The payout's DentalHub reference cannot be stored in the deposit's memo (it is empty, too long, or has brackets).";
        }
        if (string.IsNullOrWhiteSpace(deposit.RequestId) || deposit.RequestId.Length > LongestRequestId)
        {
            return $"The deposit's request id must have 1 to {LongestRequestId} characters (QuickBooks' limit).";
        }
        if (string.IsNullOrWhiteSpace(deposit.DepositAccountId))
        {
            return "No bank account is mapped for deposits. Choose one on the QuickBooks mapping page.";
        }
        if (deposit.Lines.Count == 0)
        {
            return "The deposit has no lines.";
        }
        if (deposit.Lines.FirstOrDefault(l => string.IsNullOrWhiteSpace(l.AccountId)) is { } unmapped)
        {
            return $"The line \"{unmapped.Description}\" has no QuickBooks account. Map it on the QuickBooks mapping page.";
        }
        if (deposit.Lines.FirstOrDefault(l => decimal.Round(l.Amount, 2) != l.Amount) is { } fraction)
        {
            return $"The line \"{fraction.Description}\" has fractions of a cent, which QuickBooks cannot record.";
        }
        return null;
    }
}
