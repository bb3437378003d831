using System.Text.Json;
using DentalHub.Connectors.Contract;
using DentalHub.TestDoubles.QuickBooks;
using static DentalHub.Connectors.Tests.QuickBooks.QuickBooksConnection;

namespace DentalHub.Connectors.Tests.QuickBooks;

/// <summary>
/// Every Deposit body DentalHub sends, turned into XML, is valid against Intuit's Finance.xsd
/// (../shared/fixtures/quickbooks-online). Skipped, with the reason, where ../shared is absent.
/// </summary>
public sealed class ValidatingDepositsAgainstIntuitsSchema : QuickBooksScenario
{
    [SkippableFact]
    public async Task Write_VariedPayouts_EveryBodyIsValidAgainstFinanceXsd()
    {
        Skip.If(XsdSchema.Deposit() is null, XsdSchema.SkipReason);
        Qbo.MultiCurrency = true;
        var connector = Connector();

        await connector.WriteDepositAsync(Payout(), CancellationToken.None);
        await connector.WriteDepositAsync(Payout("po_2", lines: [new(DoubleAccount.StripeClearing, 99.99m, "Card payments into clearing")]), CancellationToken.None);
        await connector.WriteDepositAsync(Payout("po_3") with { Memo = "" }, CancellationToken.None);
        await connector.WriteDepositAsync(Payout("po_4", lines: [new(DoubleAccount.PatientCardIncome, 10m, "Gross"), new(DoubleAccount.MerchantFees, -12.5m, "Fees larger than sales")]), CancellationToken.None);

        Assert.True(Qbo.ValidatesDeposits);
        Assert.Equal(4, Qbo.DepositBodies.Count);
        Assert.Empty(Qbo.SchemaErrors);
    }

    [SkippableFact]
    public void Schema_MisshapenDeposit_IsCaught()
    {
        var schema = XsdSchema.Deposit();
        Skip.If(schema is null, XsdSchema.SkipReason);
        // The mistake intuit/quickbooks-online-mcp-server PR #125 describes: QuickBooks ignores it silently.
        using var body = JsonDocument.Parse("""
            {"TxnDate":"2026-11-20","DepositToAccountRef":{"value":"35"},
             "Line":[{"Amount":10.00,"DetailType":"DepositLineDetail","AccountRef":{"value":"79"}}]}
            """);

        var errors = schema!.Validate(body.RootElement);

        Assert.Contains(errors, e => e.Contains("AccountRef", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Schema_TheReferenceExample_IsValid()
    {
        var schema = XsdSchema.Deposit();
        Skip.If(schema is null, XsdSchema.SkipReason);
        // The example of ../shared/reference/quickbooks.md §1.2.
        using var body = JsonDocument.Parse("""
            {"TxnDate":"2026-11-20","DepositToAccountRef":{"value":"35"},"PrivateNote":"Payout po_123 (settled 2026-11-19)",
             "Line":[{"Amount":1250.00,"DetailType":"DepositLineDetail","Description":"Card sales, gross","DepositLineDetail":{"AccountRef":{"value":"79"}}},
                     {"Amount":-36.55,"DetailType":"DepositLineDetail","Description":"Interchange + processing fees","DepositLineDetail":{"AccountRef":{"value":"62"}}}]}
            """);

        Assert.Empty(schema!.Validate(body.RootElement));
    }
}
