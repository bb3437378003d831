namespace DentalHub.TestDoubles.OpenDental;

/// <summary>
/// How the double answers the next <c>POST /payments</c> (or, queued on <see cref="OpenDentalApiTestDouble.CommlogWrites"/>,
/// <c>POST /commlogs</c>), for the failures that decide whether a write may be sent again: did Open Dental keep
/// the record, and did the client hear about it? Hold and Retry-After are the endpoint's own (<see cref="DoubleWriteEndpoint"/>).
/// </summary>
public enum PaymentFault
{
    /// <summary>Keeps the record, then holds the answer for the endpoint's Hold (longer than the client waits).</summary>
    TimeoutAfterCommit,

    /// <summary>Answers 500 without keeping the record.</summary>
    Status500BeforeCommit,

    /// <summary>Keeps the record, then answers 500.</summary>
    Status500AfterCommit,

    /// <summary>Answers 429 with the endpoint's Retry-After, without keeping the record.</summary>
    Status429,

    /// <summary>Drops the connection without keeping the record.</summary>
    DropBeforeCommit,

    /// <summary>Keeps the record, then drops the connection without answering.</summary>
    DropAfterCommit,

    /// <summary>Answers 401 "Invalid authorization." without keeping the record, as when the office disables the customer key.</summary>
    Status401,
}
