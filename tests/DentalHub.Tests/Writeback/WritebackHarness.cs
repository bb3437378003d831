using DentalHub.Alerts;
using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Connections;
using DentalHub.Data;
using DentalHub.Hosting;
using DentalHub.Messages;
using DentalHub.Patients;
using DentalHub.Payments;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Tests.Writeback;

/// <summary>
/// A practice with synced patients on a scripted PMS that records payments, the app's background
/// worker off, and a dispatcher the test drives on a clock it controls. "Restarting" makes a new one.
/// </summary>
public sealed class WritebackHarness : IAsyncDisposable
{
    public static readonly WritebackPolicy Policy = new() { ReconcileDelay = TimeSpan.FromSeconds(30), SendingTimeout = TimeSpan.FromMinutes(2), MaxAttempts = 6, MaxReconcileAttempts = 4 };

    private WritebackHarness(DentalHubApp app, ScriptedPms pms, TestPractice practice, Guid connectionId)
    {
        App = app;
        Pms = pms;
        Practice = practice;
        ConnectionId = connectionId;
        // Starts a little ahead of the real clock, which stamps payments as they arrive, so they are due at once.
        Clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddSeconds(5));
    }

    public DentalHubApp App { get; }
    public ScriptedPms Pms { get; }
    public TestPractice Practice { get; }
    public Guid ConnectionId { get; }
    public FakeTimeProvider Clock { get; }
    public IReadOnlyList<Guid> PatientIds { get; private set; } = [];

    public static async Task<WritebackHarness> StartAsync(DatabaseProvider provider, int patients = 3, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var settings = new Dictionary<string, string?>(extraSettings ?? new Dictionary<string, string?>()) { ["Writeback:Worker"] = "false" };
        var app = new DentalHubApp(TestDatabase.Create(provider), settings);
        var practice = await app.AddPracticeAsync("Writeback Dental");
        var pms = new ScriptedPms();
        var connectionId = await app.ConnectAsync(practice, pms);
        for (var i = 1; i <= patients; i++)
        {
            pms.Upsert(ScriptedPms.Patient($"{500 + i}", $"Payer{i}", "Ledger", new DateOnly(1980, 1, i)));
        }
        await app.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, connectionId, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);
        var harness = new WritebackHarness(app, pms, practice, connectionId);
        await using var db = app.Databases.Create(practice.Tenant);
        harness.PatientIds = await db.Patients.OrderBy(p => p.FirstName).Select(p => p.Id).ToListAsync();
        return harness;
    }

    /// <summary>Starts on <paramref name="provider"/>, or skips the test when that database server is not configured.</summary>
    public static Task<WritebackHarness> StartOrSkipAsync(DatabaseProvider provider)
    {
        Skip.If(provider == DatabaseProvider.Postgres && PostgresTestDatabase.ServerConnectionString is null, PostgresTestDatabase.SkipReason);
        return StartAsync(provider);
    }

    public WritebackDispatcher NewDispatcher() => new(
        App.Services.GetRequiredService<DentalHubDbFactory>(), App.Services.GetRequiredService<ConnectorFactory>(), App.Services.GetServices<IWritebackTarget>(), Policy, Clock, NullLogger<WritebackDispatcher>.Instance);

    /// <summary>A new alert e-mail sweep, as after a restart: nothing but the database remembers what was sent.</summary>
    public AlertEmails AlertEmailSweep() => new(App.Databases, App.Services.GetRequiredService<SmtpSettingsService>(), App.Services.GetRequiredService<HubAddress>(),
        App.Services.GetRequiredService<AlertEmailPolicy>(), Clock, NullLogger<AlertEmails>.Instance);

    /// <summary>How long an alert waits before it is e-mailed (the app's configuration).</summary>
    public TimeSpan AlertEmailDelay => App.Services.GetRequiredService<AlertEmailPolicy>().Delay;

    /// <summary>The organization's mail server: a receiver on loopback.</summary>
    public async Task UseMailServerAsync(int port) =>
        Assert.Null(await App.Services.GetRequiredService<SmtpSettingsService>().SaveAsync(Practice.Tenant, AuditActor.System,
            new SmtpSettingsInput("127.0.0.1", port, SmtpTlsMode.StartTlsWhenAvailable, null, null, "alerts@writeback.test", "Writeback Dental"), CancellationToken.None));

    public Task<IntakeResult> PayAsync(string reference, Guid? patientId, decimal gross, decimal fee = 0m, PaymentSource source = PaymentSource.Portal) =>
        App.Services.GetRequiredService<PaymentIntake>().RecordAsync(Practice.Tenant,
            new IncomingPayment(reference, "test", patientId, source, gross, fee, "USD", Clock.GetUtcNow(), null), CancellationToken.None);

    /// <summary>Runs the dispatcher until nothing is due, moving the clock past every delay; a kill ends a run, a new dispatcher carries on.</summary>
    public async Task<int> RunUntilQuietAsync(int maxRounds = 200)
    {
        var kills = 0;
        for (var round = 0; round < maxRounds; round++)
        {
            using var life = new CancellationTokenSource();
            Pms.Crash = life.Cancel;
            try
            {
                await NewDispatcher().RunOnceAsync(life.Token);
            }
            catch (OperationCanceledException) when (life.IsCancellationRequested)
            {
                kills++;
            }
            if (!await AnyUnfinishedAsync())
            {
                return kills;
            }
            Clock.Advance(TimeSpan.FromMinutes(3));
        }
        throw new InvalidOperationException("Writeback did not settle.");
    }

    public async Task<List<WritebackCommand>> CommandsAsync()
    {
        await using var db = App.Databases.Create(Practice.Tenant);
        return await db.WritebackCommands.AsNoTracking().OrderBy(c => c.CreatedAt).ToListAsync();
    }

    public async Task SaveSettingsAsync(Action<WritebackSettings> change)
    {
        await using var db = App.Databases.Create(Practice.Tenant);
        var settings = await db.WritebackSettings.FirstOrDefaultAsync();
        if (settings is null)
        {
            settings = new WritebackSettings { PracticeId = Practice.PracticeId };
            db.WritebackSettings.Add(settings);
        }
        change(settings);
        await db.SaveChangesAsync();
    }

    private async Task<bool> AnyUnfinishedAsync()
    {
        await using var db = App.Databases.Create(Practice.Tenant);
        return await db.WritebackCommands.AnyAsync(c => c.State == WritebackState.Pending || c.State == WritebackState.Sending || c.State == WritebackState.Unknown);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
    }
}
