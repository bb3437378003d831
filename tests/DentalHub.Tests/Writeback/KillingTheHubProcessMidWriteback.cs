using System.Net;
using System.Net.Http.Json;
using DentalHub.Auth;
using DentalHub.Auth.ApiKeys;
using DentalHub.Data;
using DentalHub.Sync;
using DentalHub.TestDoubles.OpenDental;
using DentalHub.Tests.Infrastructure;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Writeback;

/// <summary>
/// DentalHub as a real OS process, killed with SIGKILL while payments are being sent to a slow Open
/// Dental API, then started again on the same database: every payment ends up in Open Dental once.
/// </summary>
public sealed class KillingTheHubProcessMidWriteback : IAsyncLifetime
{
    private const int PatientCount = 12;
    private const int PaymentCount = 24;
    private readonly SqliteTestDatabase database = new();
    private DentalHubApp app = default!;
    private OpenDentalApiTestDouble openDental = default!;
    private TestPractice practice = default!;
    private string apiKey = "";
    private List<Guid> patients = [];

    public async Task InitializeAsync()
    {
        openDental = await OpenDentalApiTestDouble.StartAsync();
        openDental.Add(Enumerable.Range(1, PatientCount).Select(i => new DoublePatient(i, $"Kim{i}", "Process", openDental.OfficeNow.AddMinutes(-5))));
        // The in-test host only prepares and reads the database; the process under test does the writing.
        app = new DentalHubApp(database, new Dictionary<string, string?> { ["Writeback:Worker"] = "false" });
        practice = await app.AddPracticeAsync("Process Dental");
        var connectionId = await app.ConnectOpenDentalApiAsync(practice, openDental);
        await app.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, connectionId, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);
        var owner = await app.AddStaffAsync("Ola Owner", (practice, PracticeRole.Owner));
        var session = new StaffSession(owner.UserId, owner.DisplayName, practice.OrganizationId, practice.PracticeId, practice.Name, false, "America/Chicago", PracticeRole.Owner, []);
        apiKey = (await app.Services.GetRequiredService<ApiKeyService>().CreateAsync(session, "Portal", [ApiScopes.PaymentsWrite], CancellationToken.None)).Secret;
        await using var db = app.Databases.Create(practice.Tenant);
        patients = await db.PatientLinks.Select(l => l.PatientId).Distinct().ToListAsync();
    }

    public async Task DisposeAsync()
    {
        await openDental.DisposeAsync();
        await app.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task HubKilledWhileWritesAreSending_RestartedOnTheSameDatabase_EveryPaymentIsInOpenDentalOnce()
    {
        Assert.Equal(PatientCount, patients.Count);
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["Scheduler:Name"] = "process-" + Guid.NewGuid().ToString("N")[..8],
            // Short enough for a test: a command left Sending by the killed process is read back 2 s later.
            ["Writeback:Policy:SendingTimeout"] = "00:00:02",
            ["Writeback:Policy:ReconcileDelay"] = "00:00:01",
            ["Writeback:Policy:FirstRetryDelay"] = "00:00:01",
        };
        openDental.PaymentLatency = TimeSpan.FromMilliseconds(800);
        await using (var first = await HubProcess.StartAsync(settings))
        {
            using var client = ApiClient(first);
            for (var i = 0; i < PaymentCount; i++)
            {
                var posted = await client.PostAsJsonAsync("/api/v1/payments", new
                {
                    processorReference = $"ch_kill_{i}", patientId = patients[i % PatientCount], source = "Portal",
                    gross = 50m + i, fee = 1m, currency = "USD", processedAt = TimeProvider.System.GetUtcNow(),
                });
                Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
            }
            // Kill once Open Dental has kept payments whose answers the hub is still waiting for.
            await WaitForAsync(async () => openDental.Payments.Count >= 3 && (await StatesAsync()).Count(s => s == WritebackState.Sending) >= 1, TimeSpan.FromSeconds(30));
            await first.KillAsync();
        }
        var afterKill = await StatesAsync();
        Assert.Contains(WritebackState.Sending, afterKill);
        Assert.True(openDental.Payments.Count > afterKill.Count(s => s == WritebackState.Confirmed), "Some payment was kept by Open Dental but not yet confirmed to the hub when it died.");
        Assert.True(openDental.Payments.Count < PaymentCount, "The hub was killed before it had sent everything.");

        openDental.PaymentLatency = TimeSpan.Zero;
        await using var second = await HubProcess.StartAsync(settings);
        await WaitForAsync(async () => (await StatesAsync()).All(s => s == WritebackState.Confirmed), TimeSpan.FromSeconds(40));

        await using var db = app.Databases.Create(practice.Tenant);
        var references = await db.WritebackCommands.Select(c => c.Reference).ToListAsync();
        Assert.Equal(PaymentCount, references.Count);
        var kept = openDental.Payments;
        Assert.Equal(PaymentCount, kept.Count);
        Assert.All(references, reference => Assert.Single(kept, p => p.PayNote.Contains($"[DentalHub ref {reference}]", StringComparison.Ordinal)));
    }

    private HttpClient ApiClient(HubProcess hub)
    {
        var client = new HttpClient { BaseAddress = hub.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        return client;
    }

    private async Task<List<WritebackState>> StatesAsync()
    {
        await using var db = app.Databases.Create(practice.Tenant);
        return await db.WritebackCommands.AsNoTracking().Select(c => c.State).ToListAsync();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan patience)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < patience, $"Not reached within {patience.TotalSeconds:0} s.");
            await Task.Delay(50);
        }
    }
}
