namespace DentalHub.Payouts;

/// <summary>Whether a bookkeeper's action on a payout was taken, and what happens to the payout next, in words.</summary>
public sealed record PayoutActionResult(bool Done, string Text);
