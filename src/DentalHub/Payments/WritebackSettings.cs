using DentalHub.Tenancy;

namespace DentalHub.Payments;

/// <summary>
/// How a practice wants payments, and the messages it sends patients, recorded in its PMS. Changes apply to
/// what arrives or is sent after the change; writes already queued keep what they were queued with, unless a
/// later processor event or an assignment plans a payment again (<see cref="PaymentChanges"/>).
/// </summary>
public sealed class WritebackSettings : IPracticeOwned
{
    public Guid PracticeId { get; init; }

    /// <summary>Sources not written back at all, comma-separated names of <see cref="PaymentSource"/>; never the card terminal (see <see cref="TerminalPostedByStaff"/>).</summary>
    public string DisabledSources { get; set; } = "";

    /// <summary>
    /// The one setting for card terminal payments: staff post them in the PMS at the desk (many practices do), so
    /// DentalHub does not; otherwise DentalHub records them like any other source.
    /// </summary>
    public bool TerminalPostedByStaff { get; set; }

    public WritebackTiming Timing { get; set; } = WritebackTiming.Instant;

    /// <summary>For a daily batch: when, in the practice's time zone.</summary>
    public TimeOnly DailyBatchAt { get; set; } = new(18, 0);

    /// <summary>Net of processing fees (the default: what reaches the bank) or gross (what the patient paid).</summary>
    public AmountBasis Amount { get; set; } = AmountBasis.Net;

    /// <summary>PMS payment type per source, JSON object of source name to the PMS's type id (Open Dental: DefNum).</summary>
    public string PaymentTypesJson { get; set; } = "{}";

    public Connectors.Contract.PaymentAllocation Allocation { get; set; } = Connectors.Contract.PaymentAllocation.PmsDecides;

    /// <summary>Each message sent to a patient is filed on the patient's chart in the PMS as a communication log. Off until a practice turns it on.</summary>
    public bool LogMessagesInPms { get; set; }

    /// <summary>Appointments may be booked, moved, confirmed and cancelled from DentalHub, written to the PMS at once. Off until a practice turns it on.</summary>
    public bool WriteAppointments { get; set; }

    /// <summary>Staff (and API keys with the scope) may post adjustments to patients' accounts in the PMS. Off until a practice turns it on.</summary>
    public bool WriteAdjustments { get; set; }

    /// <summary>Staff (and API keys with the scope) may mark patients' insurance claims sent, received, waiting or on hold in the PMS. Off until a practice turns it on.</summary>
    public bool UpdateClaims { get; set; }

    /// <summary>The PMS adjustment type a credit takes unless staff choose another (a membership discount); null: staff choose each time.</summary>
    public string? DiscountAdjustmentType { get; set; }

    /// <summary>The PMS adjustment type a debit takes unless staff choose another (a refund paid out); null: staff choose each time.</summary>
    public string? RefundAdjustmentType { get; set; }

    /// <summary>Staff (and API keys with the scope) may attach documents to patients' charts in the PMS. Off until a practice turns it on.</summary>
    public bool WriteDocuments { get; set; }

    /// <summary>The PMS document category a document goes to unless staff choose another; null: the PMS's own default.</summary>
    public string? DefaultDocumentCategory { get; set; }

    public bool IsEnabled(PaymentSource source) => source == PaymentSource.CardTerminal
        ? !TerminalPostedByStaff
        : !DisabledSources.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(source.ToString());

    /// <summary>
    /// Folds the card terminal turned off as a source (the second, overlapping switch of earlier versions) into
    /// <see cref="TerminalPostedByStaff"/>: both meant that DentalHub does not record terminal payments.
    /// </summary>
    public void FoldTerminalIntoOneSetting()
    {
        var disabled = DisabledSources.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (disabled.Remove(nameof(PaymentSource.CardTerminal)))
        {
            TerminalPostedByStaff = true;
            DisabledSources = string.Join(',', disabled);
        }
    }
}

public enum WritebackTiming
{
    Instant,
    DailyBatch,
}

public enum AmountBasis
{
    Net,
    Gross,
}
