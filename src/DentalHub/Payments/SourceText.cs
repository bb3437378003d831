namespace DentalHub.Payments;

/// <summary>A payment source in the words staff use: <see cref="Of"/> inside a sentence, <see cref="Label"/> on its own.</summary>
public static class SourceText
{
    public static string Of(PaymentSource source) => source switch
    {
        PaymentSource.CardTerminal => "card terminal",
        PaymentSource.Portal => "online",
        PaymentSource.BalanceCollection => "balance collection",
        PaymentSource.PaymentPlan => "payment plan",
        PaymentSource.Membership => "membership",
        PaymentSource.Insurance => "insurance",
    };

    /// <summary>A payment's source, or that the processor has not said yet whether the card was at the terminal.</summary>
    public static string Label(Payment payment) => payment.SourceKnown ? Label(payment.Source) : "Card (not reported yet)";

    public static string Label(PaymentSource source) => Of(source) is var text ? char.ToUpperInvariant(text[0]) + text[1..] : "";
}
