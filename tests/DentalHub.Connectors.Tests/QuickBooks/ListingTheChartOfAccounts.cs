using DentalHub.Connectors.Contract;
using DentalHub.Connectors.QuickBooks;
using DentalHub.TestDoubles.QuickBooks;

namespace DentalHub.Connectors.Tests.QuickBooks;

public sealed class ListingTheChartOfAccounts : QuickBooksScenario
{
    [Fact]
    public async Task ReadAccounts_ThreeAPage_PagesThroughEveryAccountInactiveIncluded()
    {
        var accounts = await Connector(pageSize: 3).ReadAccountsAsync(CancellationToken.None);

        Assert.Equal(DoubleAccount.DentalPracticeChart.Select(a => a.Id).Order(), accounts.Select(a => a.Id).Order());
        var inactive = Assert.Single(accounts, a => a.Id == DoubleAccount.InactiveFees);
        Assert.False(inactive.Active);
        Assert.Equal(new LedgerAccount("35", "Checking", "Checking", "Bank", "Checking", true, "USD"), accounts.Single(a => a.Id == "35"));
        var queries = Qbo.ApiRequests.Select(r => r.Query["query"]).ToList();
        Assert.Equal(
            [1, 4, 7, 10],
            queries.Select(q => int.Parse(q.Split("STARTPOSITION ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(queries, q => Assert.Contains("Active IN (true, false)", q, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckConnection_Connected_NamesTheCompanyAndTheSandbox()
    {
        var result = await Connector().CheckConnectionAsync(CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal($"Connected to the QuickBooks company \"{QuickBooksOnlineTestDouble.CompanyName}\" (Intuit's sandbox: not real books).", result.Message);
    }

    [Fact]
    public async Task CheckConnection_NoTokens_SaysToConnectWithoutCallingQuickBooks()
    {
        var connector = QuickBooksConnection.Connector(Qbo, Http, store: null);

        var result = await connector.CheckConnectionAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("Connect it to QuickBooks", result.Message, StringComparison.Ordinal);
        Assert.Empty(Qbo.Requests);
    }

    [Fact]
    public void Catalog_QuickBooksOnline_IsAnAccountingConnectorWithNothingToType()
    {
        var descriptor = ConnectorCatalog.Find("quickbooks-online");

        Assert.Same(QuickBooksConnector.Descriptor, descriptor);
        Assert.Equal(ConnectorKind.Accounting, descriptor!.Kind);
        Assert.Empty(descriptor.Fields);
    }
}
