using DentalHub.Audit;
using DentalHub.Bookkeeping;
using DentalHub.Connections;
using DentalHub.Connectors.QuickBooks;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Payouts;
using DentalHub.TestDoubles.QuickBooks;
using DentalHub.Tests.Infrastructure;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Tests.Payouts;

/// <summary>
/// A practice connected to the QuickBooks Online test double through the real OAuth callback, its accounts mapped,
/// the background worker off and a dispatcher the test drives on a clock it controls.
/// </summary>
public sealed class PayoutHarness : IAsyncDisposable
{
    public static readonly WritebackPolicy Policy = new() { ReconcileDelay = TimeSpan.FromSeconds(30), MaxAttempts = 6, MaxReconcileAttempts = 4 };

    /// <summary>The mapping most scenarios use: income for gross, the chart's fee, refund and adjustment accounts.</summary>
    public static readonly IReadOnlyDictionary<string, string> StandardMapping = new Dictionary<string, string>(
        Enum.GetValues<PaymentSource>().Select(s => KeyValuePair.Create(AccountRoles.Gross(s), DoubleAccount.PatientCardIncome)))
    {
        [AccountRoles.Deposit] = DoubleAccount.Checking,
        [AccountRoles.Fees] = DoubleAccount.MerchantFees,
        [AccountRoles.Refunds] = DoubleAccount.PatientRefunds,
        [AccountRoles.Disputes] = "63",
        [AccountRoles.Adjustments] = "63",
    };

    private PayoutHarness(DentalHubApp app, QuickBooksOnlineTestDouble qbo, TestPractice practice)
    {
        App = app;
        Qbo = qbo;
        Practice = practice;
    }

    public DentalHubApp App { get; }
    public QuickBooksOnlineTestDouble Qbo { get; }
    public TestPractice Practice { get; }
    public Guid BooksConnectionId { get; private set; }
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow().AddSeconds(5));

    public static async Task<PayoutHarness> StartAsync(DatabaseProvider provider, bool connect = true, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var qbo = await QuickBooksOnlineTestDouble.StartAsync(schema: IntuitSchema.Deposit());
        var settings = new Dictionary<string, string?>(QuickBooksSettingsFor(qbo)) { ["Writeback:Worker"] = "false" };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var app = new DentalHubApp(TestDatabase.Create(provider), settings);
        var harness = new PayoutHarness(app, qbo, await app.AddPracticeAsync("Payout Dental"));
        harness.BooksConnectionId = (await app.Services.GetRequiredService<ConnectionService>().CreateAsync(harness.Practice.Tenant, AuditActor.System,
            new ConnectionInput(QuickBooksConnector.Key, "Books", new Dictionary<string, string>(), new Dictionary<string, string>()), CancellationToken.None)).Id;
        if (connect)
        {
            await harness.ConnectAsync();
            await harness.MapAsync(StandardMapping);
        }
        return harness;
    }

    /// <summary>DentalHub's Intuit app, pointed at the double (sandbox).</summary>
    public static IReadOnlyDictionary<string, string?> QuickBooksSettingsFor(QuickBooksOnlineTestDouble qbo) => new Dictionary<string, string?>
    {
        ["Connectors:quickbooks-online:ClientId"] = QuickBooksOnlineTestDouble.ClientId,
        ["Connectors:quickbooks-online:ClientSecret"] = QuickBooksOnlineTestDouble.ClientSecret,
        ["Connectors:quickbooks-online:Environment"] = "sandbox",
        ["Connectors:quickbooks-online:ApiBaseUrl"] = qbo.Root.ToString(),
        ["Connectors:quickbooks-online:TokenUrl"] = qbo.TokenUrl.ToString(),
        ["Connectors:quickbooks-online:RevokeUrl"] = qbo.RevokeUrl.ToString(),
        ["Connectors:quickbooks-online:AuthorizeUrl"] = new Uri(qbo.Root, "/connect/oauth2").ToString(),
    };

    public static readonly Uri Callback = new("http://localhost" + QuickBooksConnectEndpoints.CallbackPath);

    /// <summary>Consent given in QuickBooks: the callback runs with the state DentalHub issued and a fresh code.</summary>
    public async Task ConnectAsync()
    {
        var connections = App.Services.GetRequiredService<QuickBooksConnections>();
        var consent = await connections.StartAsync(Practice.Tenant, "owner", BooksConnectionId, Callback, CancellationToken.None);
        var (connected, refusal) = await connections.CompleteAsync(Practice.Tenant, AuditActor.System, "owner", StateOf(consent!),
            Qbo.IssueAuthorizationCode(Callback.ToString()), Qbo.RealmId, Callback, CancellationToken.None);
        Assert.True(connected is not null, refusal);
    }

    public static string StateOf(Uri consent) => Uri.UnescapeDataString(consent.Query.TrimStart('?').Split('&')
        .Select(p => p.Split('=', 2)).Single(p => p[0] == "state")[1]);

    public async Task MapAsync(IReadOnlyDictionary<string, string> mapping)
    {
        var service = App.Services.GetRequiredService<AccountMappingService>();
        var view = await service.LoadAsync(Practice.Tenant, CancellationToken.None);
        var problems = await service.SaveAsync(Practice.Tenant, AuditActor.System, BooksConnectionId, mapping, view.Accounts, CancellationToken.None);
        Assert.Empty(problems);
    }

    public Task<(Payout Payout, PayoutIntakeResult Result)> PayoutAsync(string payoutId, decimal net, params IncomingPayoutItem[] items) =>
        App.Services.GetRequiredService<PayoutIntake>().RecordAsync(Practice.Tenant,
            new IncomingPayout(payoutId, "api", null, new DateOnly(2026, 11, 20), "USD", net, items), CancellationToken.None);

    public WritebackDispatcher NewDispatcher() => new(
        App.Services.GetRequiredService<DentalHubDbFactory>(), App.Services.GetRequiredService<ConnectorFactory>(),
        App.Services.GetServices<IWritebackTarget>(), Policy, Clock, NullLogger<WritebackDispatcher>.Instance);

    /// <summary>Runs the dispatcher, moving the clock past each delay, until nothing is due or the rounds run out.</summary>
    public async Task RunAsync(int rounds = 40)
    {
        for (var round = 0; round < rounds; round++)
        {
            await NewDispatcher().RunOnceAsync(CancellationToken.None);
            await using var db = App.Databases.Create(Practice.Tenant);
            if (!await db.WritebackCommands.AnyAsync(c => c.State == WritebackState.Pending || c.State == WritebackState.Sending || c.State == WritebackState.Unknown))
            {
                return;
            }
            Clock.Advance(TimeSpan.FromMinutes(3));
        }
    }

    public async Task<Payout> ReloadAsync(Guid payoutId)
    {
        await using var db = App.Databases.Create(Practice.Tenant);
        return await db.Payouts.AsNoTracking().Include(p => p.Items).SingleAsync(p => p.Id == payoutId);
    }

    public async Task<List<DentalHub.Alerts.Alert>> AlertsAsync()
    {
        await using var db = App.Databases.Create(Practice.Tenant);
        return await db.Alerts.AsNoTracking().ToListAsync();
    }

    public async Task<List<WritebackCommand>> CommandsAsync()
    {
        await using var db = App.Databases.Create(Practice.Tenant);
        return await db.WritebackCommands.AsNoTracking().Where(c => c.Kind == WritebackKinds.Deposit).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
        await Qbo.DisposeAsync();
    }
}

/// <summary>Intuit's Deposit schema from ../shared/fixtures/quickbooks-online (or DENTALHUB_SHARED); null when absent, and bodies go unvalidated.</summary>
public static class IntuitSchema
{
    private static readonly Lazy<DepositSchema?> Loaded = new(() => Folder() is { } folder ? DepositSchema.Load(folder) : null);

    public static DepositSchema? Deposit() => Loaded.Value;

    private static string? Folder()
    {
        var root = Environment.GetEnvironmentVariable("DENTALHUB_SHARED");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); root is null && dir is not null; dir = dir.Parent)
        {
            root = File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")) ? Path.Combine(dir.FullName, "..", "shared") : null;
        }
        var folder = root is null ? null : Path.Combine(root, "fixtures", "quickbooks-online");
        return folder is not null && File.Exists(Path.Combine(folder, "Finance.xsd")) ? folder : null;
    }
}
