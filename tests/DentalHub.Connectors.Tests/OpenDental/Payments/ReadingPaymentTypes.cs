using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Api;
using DentalHub.Connectors.Tests.Support;
using static DentalHub.Connectors.Tests.OpenDental.Payments.PaymentConnection;

namespace DentalHub.Connectors.Tests.OpenDental.Payments;

/// <summary>The writeback settings offer the office's payment types: definitions of category 10.</summary>
public sealed class ReadingPaymentTypes : IAsyncLifetime
{
    private readonly TestHttpClientFactory http = new();
    private OpenDentalApiTestDouble api = null!;

    public async Task InitializeAsync() => api = await OpenDentalApiTestDouble.StartAsync();

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        http.Dispose();
    }

    [Fact]
    public async Task ReadPaymentTypes_StockDatabase_CheckCashCreditCard()
    {
        var types = await ApiMode(api, http).ReadPaymentTypesAsync(CancellationToken.None);

        Assert.Equal([new("69", "Check", false), new("70", "Cash", false), new PmsPaymentType("71", "Credit Card", false)], types);
        var request = Assert.Single(api.Requests);
        Assert.Equal(("/api/v1/definitions", "10"), (request.Path, request.Query["Category"]));
    }

    [Fact]
    public async Task ReadPaymentTypes_HiddenType_IsIncludedAndMarkedHidden()
    {
        api.AddDefinition(new DoubleDefinition(391, DoubleDefinition.PaymentTypes, "Old Card Terminal", IsHidden: true));

        var types = await ApiMode(api, http).ReadPaymentTypesAsync(CancellationToken.None);

        Assert.Contains(new PmsPaymentType("391", "Old Card Terminal", true), types);
    }

    [Fact]
    public async Task ReadPaymentTypes_MoreThanAPage_ReadsThemAll()
    {
        for (var i = 0; i < 150; i++)
        {
            api.AddDefinition(new DoubleDefinition(1000 + i, DoubleDefinition.PaymentTypes, $"Type {i}"));
        }

        var types = await ApiMode(api, http).ReadPaymentTypesAsync(CancellationToken.None);

        Assert.Equal(153, types.Count);
        Assert.Equal(2, api.Requests.Count);
    }

    [Fact]
    public async Task ReadPaymentTypes_RefusedKeys_ThrowsTheKeysMessage()
    {
        var error = await Assert.ThrowsAsync<OpenDentalApiException>(
            () => ApiMode(api, http, customerKey: "disabled-key").ReadPaymentTypesAsync(CancellationToken.None));

        Assert.StartsWith("Open Dental refused the API keys", error.Message, StringComparison.Ordinal);
    }
}
