using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Auth.ApiKeys;
using DentalHub.Bench.Hub;
using DentalHub.Connections;
using DentalHub.Connectors.OpenDental;
using DentalHub.Data;
using DentalHub.Sync;
using DentalHub.Tenancy;
using DentalHub.TestDoubles.OpenDental;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Bench.Writeback;

/// <summary>
/// The whole app (Program: web pipeline, REST API, writeback worker, scheduler) on Kestrel on a
/// loopback port, on one fresh database. Logging at Warning, so the console does not take part.
/// </summary>
// Typed by a class of the app's assembly, not Program: the bench has a Program of its own.
public sealed class WritebackHub : WebApplicationFactory<DentalHubDbFactory>
{
    private readonly HubDatabase database;

    public WritebackHub(HubDatabase database)
    {
        this.database = database;
        // The factory finds the app's folder by this setting when no test project's metadata names it.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DENTALHUB", Path.Combine(Infrastructure.BenchPaths.RepositoryRoot, "src", "DentalHub"));
        UseKestrel(0);
    }

    public const string TimeZoneId = "America/Chicago";

    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    private DentalHubDbFactory Databases => Services.GetRequiredService<DentalHubDbFactory>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in database.Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("SampleData:Enabled", "false");
        builder.UseSetting("Scheduler:Name", "bench-" + Guid.NewGuid().ToString("N")[..8]);
        // The app logs each command's move at Information; the console is not what is measured.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:System.Net.Http.HttpClient", "Warning");
    }

    public void Start() => StartServer();

    /// <summary>
    /// A practice whose patients are synced from the double through an API-mode Open Dental connection,
    /// default writeback settings (instant, net) and an API key that may post payments, adjustments and bookings.
    /// </summary>
    public async Task<BenchPractice> PreparePracticeAsync(OpenDentalApiTestDouble openDental)
    {
        await using var db = Databases.CreateWithoutTenant();
        var organization = new Organization { Name = "Bench Group" };
        var practice = new Practice { OrganizationId = organization.Id, Name = "Bench Dental", TimeZoneId = TimeZoneId };
        db.Organizations.Add(organization);
        db.Practices.Add(practice);
        await db.SaveChangesAsync();
        var tenant = TenantScope.ForPractice(organization.Id, practice.Id);

        var connection = await Services.GetRequiredService<ConnectionService>().CreateAsync(tenant, AuditActor.System, new ConnectionInput(
            OpenDentalConnector.Key, "Front office",
            new Dictionary<string, string> { ["mode"] = "API", ["baseUrl"] = openDental.BaseUrl.ToString().TrimEnd('/') },
            new Dictionary<string, string> { ["developerKey"] = OpenDentalApiTestDouble.DeveloperKey, ["customerKey"] = OpenDentalApiTestDouble.CustomerKey }),
            CancellationToken.None);
        var sync = await Services.GetRequiredService<SyncRunner>().RunAsync(tenant, connection.Id, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);
        if (sync.Kind != SyncOutcomeKind.Completed)
        {
            throw new InvalidOperationException($"The patient sync did not complete: {sync.Kind}: {sync.Message}");
        }

        using var scope = Services.CreateScope();
        var user = new StaffUser { UserName = "bench@bench.test", Email = "bench@bench.test", EmailConfirmed = true, DisplayName = "Bench Owner" };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().CreateAsync(user, "Correct-Horse-Battery-9");
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", created.Errors.Select(e => e.Description)));
        }
        db.Memberships.Add(new PracticeMembership { PracticeId = practice.Id, UserId = user.Id, Role = PracticeRole.Owner });
        await db.SaveChangesAsync();
        var session = new StaffSession(user.Id, user.DisplayName, organization.Id, practice.Id, practice.Name, false, practice.TimeZoneId, PracticeRole.Owner, []);
        var key = await Services.GetRequiredService<ApiKeyService>().CreateAsync(session, "Bench", [ApiScopes.PaymentsWrite, ApiScopes.AdjustmentsWrite, ApiScopes.AppointmentsWrite], CancellationToken.None);
        await using var practiceDb = Databases.Create(tenant);
        var patients = await practiceDb.PatientLinks.Select(l => l.PatientId).Distinct().ToListAsync();
        return new BenchPractice(tenant, connection.Id, key.Secret, patients);
    }
}
