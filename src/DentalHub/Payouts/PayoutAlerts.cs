using DentalHub.Alerts;
using DentalHub.Data;

namespace DentalHub.Payouts;

/// <summary>Alerts about one payout; each is raised once, when the payout enters the state.</summary>
public static class PayoutAlerts
{
    public const string Reversed = "payout.reversed";
    public const string TotalMismatch = "payout.total-mismatch";

    /// <summary>The payout's lines do not add up to what the bank receives; raised when it arrives.</summary>
    public const string LinesDoNotAddUp = "payout.lines-mismatch";
    public const string NotPosted = "payout.not-posted";
    public const string NeedsReview = "payout.needs-review";

    /// <summary>What a deposit entered in the books by hand resolves.</summary>
    public static readonly IReadOnlyCollection<string> ResolvedByPostingByHand = [NotPosted, NeedsReview, LinesDoNotAddUp];

    public static void Raise(DentalHubDb db, Payout payout, string kind, string text, DateTimeOffset now)
    {
        var subject = AlertSubject.Payout(payout);
        db.Alerts.Add(new Alert { PracticeId = payout.PracticeId, Kind = kind, SubjectId = payout.Id, Text = text, SubjectName = subject.Name, Link = subject.Link, CreatedAt = now });
    }
}
