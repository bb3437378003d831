namespace DentalHub.TestDoubles.QuickBooks;

/// <summary>How the double answers the next API request (any <c>/v3/company/...</c> call), instead of handling it normally.</summary>
public enum QboFault
{
    /// <summary>HTTP 200 whose body is a ValidationFault with two errors (Intuit: "a 200 can still carry a Fault").</summary>
    Fault200,

    /// <summary>401 as for an expired access token, whatever token came.</summary>
    Unauthorized401,

    /// <summary>429 ThrottleExceeded with <see cref="QuickBooksOnlineTestDouble.ThrottleRetryAfter"/> as Retry-After.</summary>
    Throttled429,

    /// <summary>HTTP 200 with fault 6190: the company's subscription has ended.</summary>
    SubscriptionLapsed,

    /// <summary>403 ApplicationAuthorizationFailed (003100).</summary>
    Forbidden403,

    /// <summary>500 without doing anything.</summary>
    Status500BeforeCommit,

    /// <summary>Does the work (creates the deposit), then answers 500.</summary>
    Status500AfterCommit,

    /// <summary>Drops the connection without doing anything.</summary>
    DropBeforeCommit,

    /// <summary>Does the work, then drops the connection without answering.</summary>
    DropAfterCommit,

    /// <summary>Does the work, then holds the answer for <see cref="QuickBooksOnlineTestDouble.Hold"/>.</summary>
    TimeoutAfterCommit,
}

/// <summary>One request as the double answered it; Status 0 means the connection was dropped without an answer.</summary>
/// <param name="GrantType">For the token endpoint: the grant_type asked for.</param>
/// <param name="Bearer">For the API: the access token presented.</param>
/// <param name="RequestId">For the API: the requestid query parameter.</param>
public sealed record QboRequest(
    DateTimeOffset At, string Method, string Path, IReadOnlyDictionary<string, string> Query, int Status,
    string? GrantType = null, string? Bearer = null, string? RequestId = null);
