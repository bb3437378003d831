using System.Globalization;
using System.Text.Json;
using DentalHub.Connectors.Contract;
using DentalHub.Writeback;

namespace DentalHub.Payments;

/// <summary>
/// What differs between a write that reached the PMS (or may have) and what DentalHub would write now that the
/// processor reported more, in words staff act on. Amounts and ids only: no patient data.
/// </summary>
public static class SentPaymentDiscrepancy
{
    /// <summary>
    /// Null when the PMS has what it should (the same amount and payment type), or when what the change brought does
    /// not alter what DentalHub would write (<paramref name="before"/> and <paramref name="now"/> write the same).
    /// </summary>
    public static string? Between(WritebackCommand sent, PaymentWritebackPlan before, PaymentWritebackPlan now, Payment payment)
    {
        var written = JsonSerializer.Deserialize<PmsPaymentWrite>(sent.PayloadJson)!;
        if (Same(now, written) || Same(before, now))
        {
            return null;
        }
        var where = sent.State switch
        {
            WritebackState.Confirmed => $"The PMS has it (payment {sent.TargetId}) as {Money(written.Amount, payment.Currency)}",
            WritebackState.HandledByHand => "It was posted in the PMS by hand; DentalHub had it as " + Money(written.Amount, payment.Currency),
            _ => $"It may be in the PMS already as {Money(written.Amount, payment.Currency)}",
        };
        var should = now switch
        {
            PaymentWritebackPlan.Write w => $"it should be {Money(w.Payload.Amount, payment.Currency)} as a {SourceText.Of(payment.Source)} payment",
            PaymentWritebackPlan.None none => $"DentalHub would not record it now ({none.Note.TrimEnd('.')})",
            _ => "",
        };
        return $"After payment {payment.ProcessorReference} went to the PMS, the card processor reported {Describe(payment)}. {where}; {should}. "
            + "Correct it in the PMS: DentalHub never changes a payment it has sent.";
    }

    private static bool Same(PaymentWritebackPlan plan, PmsPaymentWrite written) =>
        plan is PaymentWritebackPlan.Write write && write.Payload.Amount == written.Amount && write.Payload.PaymentTypeId == written.PaymentTypeId;

    private static bool Same(PaymentWritebackPlan a, PaymentWritebackPlan b) => (a, b) switch
    {
        (PaymentWritebackPlan.None, PaymentWritebackPlan.None) => true,
        (PaymentWritebackPlan.Write first, _) => Same(b, first.Payload),
        _ => false,
    };

    public static string Describe(Payment payment) =>
        $"a {SourceText.Of(payment.Source)} payment of {Money(payment.Gross, payment.Currency)}"
        + (payment.FeeKnown ? $" with a fee of {Money(payment.Fee, payment.Currency)}" : "");

    private static string Money(decimal amount, string currency) => amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + currency;
}
