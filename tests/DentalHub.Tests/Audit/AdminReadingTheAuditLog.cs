using DentalHub.Audit;
using DentalHub.Auth;
using DentalHub.Data;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Rewards;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Audit;

/// <summary>
/// An Owner reads the audit log: people and patients by name, as links, never by id; a run of list views of one
/// list by one person is one line with how often and between when, while the stored log keeps every entry.
/// </summary>
public sealed class AdminReadingTheAuditLog : IAsyncLifetime
{
    private DentalHubApp app = default!;
    private TestPractice practice = default!;
    private TestStaff owner = default!;

    private AuditLog Log => app.Services.GetRequiredService<AuditLog>();

    private AuditActor Owner => new(AuditActorKind.User, owner.UserId, owner.DisplayName);

    public async Task InitializeAsync()
    {
        app = new DentalHubApp(TestDatabase.Create(DatabaseProvider.Sqlite));
        practice = await app.AddPracticeAsync("Audit Dental");
        owner = await app.AddStaffAsync("Olive Owner", (practice, PracticeRole.Owner));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    private Task ListViewAsync(AuditActor actor, int count) =>
        Log.RecordListAsync(practice.Tenant, actor, AuditActions.PatientRead, "Patient list", count, null, CancellationToken.None);

    private Task<AuditPage> FindAsync(AuditCursor? before = null) =>
        app.Services.GetRequiredService<AuditQuery>().FindAsync(practice.Tenant, new AuditFilter(null, null, null, null, null, before), true, CancellationToken.None);

    [Fact]
    public async Task ListViewsInARow_AreOneLineWithHowOftenAndHowManyListed_AndTheLogKeepsEveryEntry()
    {
        var patient = await app.AddPatientAsync(practice, "Dana", "Wells");
        var sam = new AuditActor(AuditActorKind.User, "sam", "Sam Staff");
        for (var i = 0; i < 12; i++)
        {
            await ListViewAsync(Owner, 50);
        }
        await Log.RecordAsync(practice.Tenant, Owner, AuditActions.PatientRead, "Patient profile", patient);
        await ListViewAsync(Owner, 20);
        await ListViewAsync(sam, 20);
        await ListViewAsync(Owner, 20);
        await ListViewAsync(Owner, 20);

        var page = await FindAsync();

        Assert.Equal(
            [("Olive Owner", 2, (int?)40), ("Sam Staff", 1, 20), ("Olive Owner", 1, 20), ("Olive Owner", 1, null), ("Olive Owner", 12, 600)],
            page.Lines.Select(l => (l.ActorName, l.Times, l.Listed)));
        Assert.Equal(17, page.Total);
        Assert.True(page.Lines[^1].First < page.Lines[^1].Last);
    }

    [Fact]
    public void ListViews_MoreThanHalfAnHourApart_AreSeparateLines()
    {
        var at = DateTimeOffset.UnixEpoch.AddYears(56);
        AuditEntry View(DateTimeOffset when, string list = "Patient list") => new()
        {
            PracticeId = practice.PracticeId, At = when, ActorKind = AuditActorKind.User, ActorId = "u", ActorName = "U",
            Action = AuditActions.PatientRead, Subject = list, Count = 50,
        };
        var line = AuditLine.Of(View(at));

        Assert.True(line.Joins(View(at.AddMinutes(-29))));
        Assert.False(line.Joins(View(at.AddMinutes(-31))));
        Assert.False(line.Joins(View(at.AddMinutes(-1), "Patient search (API)")));
    }

    [Fact]
    public async Task Pages_GoByLines_SoARunOfListViewsTakesOneLineOfAPage()
    {
        for (var i = 0; i < 55; i++)
        {
            await Log.RecordAsync(practice.Tenant, Owner, AuditActions.ConnectionChecked, $"Connection 'PMS' #{i}");
        }
        for (var i = 0; i < 120; i++)
        {
            await ListViewAsync(Owner, 50);
        }

        var first = await FindAsync();
        var second = await FindAsync(first.Older);

        Assert.Equal(50, first.Lines.Count);
        Assert.Equal(120, first.Lines[0].Times);
        Assert.Equal(6, second.Lines.Count);
        Assert.Null(second.Older);
        Assert.Equal("Connection 'PMS' #0", second.Lines[^1].Subject);
    }

    [Fact]
    public async Task AuditPage_NamesPatientsAndStaffAsLinks_NotTheirIds()
    {
        var patient = await app.AddPatientAsync(practice, "Dana", "Wells");
        await Log.RecordAsync(practice.Tenant, Owner, AuditActions.PatientRead, "Patient profile", patient);
        string invitedId;
        using (var scope = app.Services.CreateScope())
        {
            var session = new StaffSession(owner.UserId, owner.DisplayName, practice.OrganizationId, practice.PracticeId, practice.Name, false, "America/Chicago", PracticeRole.Owner, []);
            var (invitation, error) = await scope.ServiceProvider.GetRequiredService<StaffInvitations>().InviteAsync(session, "Adam Admin", $"adam.{Guid.NewGuid():N}@example.test", PracticeRole.Admin, CancellationToken.None);
            Assert.Null(error);
            invitedId = invitation!.Member.UserId;
        }
        for (var i = 0; i < 3; i++)
        {
            await ListViewAsync(Owner, 50);
        }

        var html = await (await Browser.SignedInAsync(app, owner)).GetPageAsync("/audit");

        Assert.Contains($"href=\"/patients/{patient}\"", html);
        Assert.Contains(">Dana Wells</a>", html);
        Assert.Contains($"href=\"/users#user-{invitedId}\"", html);
        Assert.Contains(">Adam Admin</a>", html);
        Assert.Contains("Invited as Admin", html);
        Assert.Contains($"href=\"/users#user-{owner.UserId}\"", html);
        Assert.Matches("Patient list(<span>)?, 3 times (at|between) ", html);
        Assert.DoesNotContain($">{patient}<", html);
        Assert.DoesNotContain($"Staff member {invitedId}", html);
        Assert.DoesNotContain("patient.read", html);
    }
}
