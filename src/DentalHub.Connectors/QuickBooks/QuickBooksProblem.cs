using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.QuickBooks;

/// <summary>
/// What a failed call means, decided once for reads and writes: a person must act on the connection (authorization,
/// subscription, app throttled for long), try later (throttled, nothing sent), unknown (the request may have been
/// applied), or refused (every error of the fault kept).
/// </summary>
internal sealed record QuickBooksProblem(QuickBooksProblem.Kinds Kind, string Reason, IReadOnlyList<string> Details, TimeSpan? After, QuickBooksFault? Fault)
{
    public enum Kinds
    {
        Unavailable,
        TryLater,
        Unknown,
        Refused,
    }

    /// <summary>Intuit asks for a minute's wait after a 429 that names none (developer.intuit.com, limits and throttles).</summary>
    public static readonly TimeSpan DefaultThrottleWait = TimeSpan.FromSeconds(60);

    /// <summary>A longer wait is not a per-minute limit but the app being throttled (e.g. the monthly call limit): a person's problem.</summary>
    public static readonly TimeSpan LongestThrottle = TimeSpan.FromMinutes(15);

    /// <summary>Null when the call succeeded.</summary>
    /// <param name="what">What was asked for, as messages name it ("the deposit", "the accounts").</param>
    /// <param name="write">True for a request that creates something: an unanswered one may have been applied.</param>
    public static QuickBooksProblem? Of(QuickBooksAnswer answer, string what, bool write) => answer switch
    {
        QuickBooksAnswer.NoToken { Problem: var token } => token.NeedsAPerson
            ? new(Kinds.Unavailable, token.Message, [], null, null)
            : new(Kinds.TryLater, token.Message, [], null, null),
        QuickBooksAnswer.NoAnswer { CertainlyNotApplied: true, Reason: var reason } =>
            new(Kinds.TryLater, reason + QuickBooksMessages.NotSent(what, write), [], null, null),
        QuickBooksAnswer.NoAnswer { Reason: var reason } => new(Kinds.Unknown, reason + QuickBooksMessages.MaybeApplied(what, write), [], null, null),
        QuickBooksAnswer.Answered { Succeeded: true } => null,
        QuickBooksAnswer.Answered answered => OfAnswer(answered, what, write),
        _ => throw new InvalidOperationException("Unknown answer."),
    };

    private static QuickBooksProblem OfAnswer(QuickBooksAnswer.Answered answer, string what, bool write)
    {
        var fault = answer.Fault;
        var details = fault?.Details ?? [];
        if (answer.IsAuthenticationFailure)
        {
            return new(Kinds.Unavailable, QuickBooksMessages.Reconnect, details, null, fault);
        }
        if (answer.Status == 403 || fault?.IsConnectionLevel == true)
        {
            return new(Kinds.Unavailable, QuickBooksMessages.NotAllowed(fault), details, null, fault);
        }
        if (answer.Status == 429 || fault?.Has(QuickBooksFault.Throttled) == true)
        {
            var wait = answer.RetryAfter ?? DefaultThrottleWait;
            return wait > LongestThrottle
                ? new(Kinds.Unavailable, QuickBooksMessages.ThrottledForLong(wait), details, wait, fault)
                : new(Kinds.TryLater, QuickBooksMessages.Throttled, details, wait, fault);
        }
        if (answer.Status is >= 500 or 408 or < 200)
        {
            return new(Kinds.Unknown, QuickBooksMessages.ServerError(answer.Status) + QuickBooksMessages.MaybeApplied(what, write), details, null, fault);
        }
        return fault is not null
            ? new(Kinds.Refused, QuickBooksMessages.Refused(what), details, null, fault)
            : new(Kinds.Refused, QuickBooksMessages.RefusedWithStatus(what, answer.Status), [], null, null);
    }

    public WriteOutcome ToWriteOutcome() => Kind switch
    {
        Kinds.Unavailable => new WriteOutcome.Unavailable(FullReason, After),
        Kinds.TryLater => new WriteOutcome.TryLater(Reason, After),
        Kinds.Unknown => new WriteOutcome.Unknown(Reason),
        Kinds.Refused => new WriteOutcome.Refused(Reason, Details),
    };

    /// <summary>For reads, which change nothing: a read that failed is only "could not check".</summary>
    public QuickBooksApiException ToException() => new(FullReason);

    private string FullReason => Details.Count == 0 ? Reason : $"{Reason} {string.Join(" ", Details)}";
}

/// <summary>A read from QuickBooks failed; the message says what a person can do, if anything.</summary>
internal sealed class QuickBooksApiException(string message) : ConnectorException(message)
{
    /// <summary>QuickBooks answered 200 with a body that is not what was asked for: nothing to act on but trying again.</summary>
    public static QuickBooksApiException Unreadable(string what) => new($"QuickBooks' answer about {what} could not be read. DentalHub will try again.");
}
