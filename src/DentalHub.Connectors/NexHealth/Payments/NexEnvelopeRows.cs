using System.Globalization;
using System.Text.Json;

namespace DentalHub.Connectors.NexHealth.Payments;

/// <summary>
/// The rows of <c>GET /payments</c> (OpenAPI v3.0.0): <c>payment_amount</c> as money (<c>{amount: "62.00", currency}</c>), or a
/// number as some examples show it; <c>deleted_at</c> set on a row deleted in the system. A row DentalHub cannot read is skipped.
/// </summary>
internal sealed class NexEnvelopeRows(IReadOnlyList<JsonElement> items)
{
    public IEnumerable<NexPaymentRow> Payments => items.Select(Read).OfType<NexPaymentRow>();

    private static NexPaymentRow? Read(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var id) || !id.TryGetInt64(out var rowId))
        {
            return null;
        }
        var amount = item.TryGetProperty("payment_amount", out var money) ? Amount(money) : null;
        if (amount is null)
        {
            return null;
        }
        var transaction = item.TryGetProperty("transaction_id", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var deleted = item.TryGetProperty("deleted_at", out var d) && d.ValueKind == JsonValueKind.String;
        return new NexPaymentRow(rowId, amount.Value, transaction, deleted);
    }

    private static decimal? Amount(JsonElement money) => money.ValueKind switch
    {
        JsonValueKind.Object when money.TryGetProperty("amount", out var inner) => Amount(inner),
        JsonValueKind.Number when money.TryGetDecimal(out var number) => number,
        JsonValueKind.String when decimal.TryParse(money.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var text) => text,
        _ => null,
    };
}

internal sealed record NexPaymentRow(long Id, decimal Amount, string? TransactionId, bool Deleted);
