namespace DentalHub.TestDoubles.OpenDental;

/// <summary>
/// How the double answers the next <c>POST /payments</c>, for the failures that decide whether a
/// write may be sent again: did Open Dental keep the payment, and did the client hear about it?
/// </summary>
public enum PaymentFault
{
    /// <summary>Keeps the payment, then holds the answer for <see cref="OpenDentalApiTestDouble.PaymentHold"/> (longer than the client waits).</summary>
    TimeoutAfterCommit,

    /// <summary>Answers 500 without keeping the payment.</summary>
    Status500BeforeCommit,

    /// <summary>Keeps the payment, then answers 500.</summary>
    Status500AfterCommit,

    /// <summary>Answers 429 with <see cref="OpenDentalApiTestDouble.PaymentRetryAfter"/>, without keeping the payment.</summary>
    Status429,

    /// <summary>Drops the connection without keeping the payment.</summary>
    DropBeforeCommit,

    /// <summary>Keeps the payment, then drops the connection without answering.</summary>
    DropAfterCommit,
}
