using System.Globalization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.OpenDental.Api;
using DentalHub.Connectors.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Connectors.Tests.Contract;

/// <summary>Open Dental's schema with 12 providers stamped in three seconds, so pages of 5 split runs of equal DateTStamp.</summary>
public sealed class ProviderDatabase : OpenDentalDatabase
{
    public const int Providers = 12;

    protected override async Task SeedAsync()
    {
        // The schema's stock data has two providers (DOC1, HYG1); the contract counts its own.
        await ExecuteAsync("DELETE FROM provider");
        await ExecuteAsync(string.Join(";", Enumerable.Range(1, Providers).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO provider (ProvNum, Abbr, LName, FName, IsSecondary, IsHidden, ProvStatus, Specialty, NationalProvID, DateTStamp) " +
            $"VALUES ({i}, 'DOC{i}', 'Lee', 'Ann', {i % 2}, 0, 0, 0, '', '2024-03-01 10:00:0{i % 3}')"))));
    }
}

public sealed class OpenDentalDatabaseProviderContract(ProviderDatabase database) : ChangeFeedContract<PmsProvider>, IClassFixture<ProviderDatabase>
{
    protected override string? SkipReason => database.SkipReason;

    protected override int ExpectedRecords => ProviderDatabase.Providers;

    protected override IChangeFeed<PmsProvider> CreateFeed() => Assert.IsAssignableFrom<IReadsProviders>(database.Connector(pageSize: 5)).Providers;
}

/// <summary>The API test double with 130 providers (two pages of the API's 100).</summary>
public sealed class ProviderApi : IAsyncLifetime
{
    public const int Providers = 130;

    public OpenDentalApiTestDouble Api { get; private set; } = null!;

    public TestHttpClientFactory Http { get; } = new();

    public async Task InitializeAsync()
    {
        // The office's clock moves on after the providers are stamped: a read asks from one second before the
        // last serverDateTime, so providers stamped in that second would (rightly) come again.
        var officeClock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
        Api = await OpenDentalApiTestDouble.StartAsync(officeClock);
        for (var i = 1; i <= Providers; i++)
        {
            Api.Put("providers", i, new Dictionary<string, object?>
            {
                ["ProvNum"] = i, ["Abbr"] = $"DOC{i}", ["LName"] = "Lee", ["FName"] = "Ann", ["IsSecondary"] = "false",
                ["IsHidden"] = "false", ["ProvStatus"] = "Active", ["NationalProvID"] = "",
            });
        }
        officeClock.Advance(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        Http.Dispose();
    }
}

public sealed class OpenDentalApiProviderContract(ProviderApi fixture) : ChangeFeedContract<PmsProvider>, IClassFixture<ProviderApi>
{
    protected override int ExpectedRecords => ProviderApi.Providers;

    protected override IChangeFeed<PmsProvider> CreateFeed() => Assert.IsAssignableFrom<IReadsProviders>(ApiConnection.Connector(fixture.Api, fixture.Http)).Providers;
}
