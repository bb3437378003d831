using DentalHub.Audit;
using DentalHub.Messages;
using DentalHub.Tags;
using DentalHub.TestDoubles.Smtp;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Rewards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Messages;

/// <summary>Staff e-mail one patient or everyone with a tag; a real SMTP server (aiosmtpd) receives it.</summary>
public sealed class SendingEmailToPatients : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private AiosmtpdReceiver? smtp;
    private TestPractice practice = default!;
    private Guid templateId;

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Mail Dental");
        if (AiosmtpdReceiver.Python is null)
        {
            return;
        }
        smtp = await AiosmtpdReceiver.StartAsync();
        var settings = app.Services.GetRequiredService<SmtpSettingsService>();
        Assert.Null(await settings.SaveAsync(practice.Tenant, RewardsTestData.Staff,
            new SmtpSettingsInput("127.0.0.1", smtp.Port, SmtpTlsMode.StartTlsWhenAvailable, null, null, "front-desk@maildental.test", "Mail Dental"), CancellationToken.None));
        var templates = app.Services.GetRequiredService<MessageTemplates>();
        Assert.Null(await templates.SaveAsync(practice.Tenant, RewardsTestData.Staff, null, "Points reminder",
            "{FirstName}, you have {PointsBalance} points", "<p>Hello {FirstName}, your balance is <b>{PointsBalance}</b> points.</p>", CancellationToken.None));
        templateId = (await templates.ListAsync(practice.Tenant, CancellationToken.None)).Single().Id;
    }

    public async Task DisposeAsync()
    {
        if (smtp is not null)
        {
            await smtp.DisposeAsync();
        }
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    private async Task<Guid> PatientAsync(string first, string last, string? email, bool optedOut = false, long points = 0)
    {
        var id = await app.AddPatientAsync(practice, first, last);
        await using var db = app.Databases.Create(practice.Tenant);
        await db.Patients.Where(p => p.Id == id).ExecuteUpdateAsync(p => p.SetProperty(x => x.Email, email).SetProperty(x => x.EmailOptOut, optedOut));
        if (points > 0)
        {
            await app.Services.GetRequiredService<DentalHub.Rewards.PointsService>().AwardAsync(practice.Tenant, RewardsTestData.Staff, id, points, "Visit", CancellationToken.None);
        }
        return id;
    }

    private MessageSender Sender => app.Services.GetRequiredService<MessageSender>();

    [SkippableFact]
    public async Task SendToPatient_WithEmail_ArrivesWithPlaceholdersFilledAndIsInHistory()
    {
        Skip.If(smtp is null, AiosmtpdReceiver.SkipReason);
        var ann = await PatientAsync("Ann <3", "Able", "ann@example.com", points: 1250);

        var result = await Sender.SendToPatientAsync(practice.Tenant, RewardsTestData.Staff, templateId, ann, CancellationToken.None);

        Assert.Equal(new SendResult(1, 0, 0, 0), result);
        var message = Assert.Single(smtp!.Delivered());
        Assert.Equal("ann@example.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("front-desk@maildental.test", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("Ann <3, you have 1,250 points", message.Subject);
        Assert.Contains("Hello Ann &lt;3, your balance is <b>1,250</b> points.", message.HtmlBody);
        var history = Assert.Single(await Sender.HistoryAsync(practice.Tenant, ann, 10, CancellationToken.None));
        Assert.Equal((MessageStatus.Sent, "ann@example.com"), (history.Status, history.ToAddress));
        await using var db = app.Databases.Create(practice.Tenant);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == MessageAuditActions.Sent);
        Assert.Equal(ann, audit.PatientId);
        Assert.DoesNotContain("Ann", audit.Subject);
        Assert.DoesNotContain("example.com", audit.Subject);
    }

    [SkippableFact]
    public async Task SendToTag_SomeOptedOutOrWithoutEmail_SendsOnlyToTheOthers()
    {
        Skip.If(smtp is null, AiosmtpdReceiver.SkipReason);
        var tags = app.Services.GetRequiredService<TagService>();
        Assert.Null(await tags.CreateAsync(practice.Tenant, RewardsTestData.Staff, "Newsletter", TagKind.Custom, CancellationToken.None));
        var tag = (await tags.ListAsync(practice.Tenant, CancellationToken.None)).Single().Id;
        var tagged = new[]
        {
            await PatientAsync("Ann", "Able", "ann@example.com", points: 10),
            await PatientAsync("Bob", "Baker", "bob@example.com"),
            await PatientAsync("Cy", "Cole", "cy@example.com", optedOut: true),
            await PatientAsync("Di", "Dunn", null),
        };
        await PatientAsync("Ed", "Untagged", "ed@example.com");
        foreach (var patient in tagged)
        {
            Assert.Null(await tags.AddToPatientAsync(practice.Tenant, RewardsTestData.Staff, patient, tag, CancellationToken.None));
        }

        var result = await Sender.SendToTagAsync(practice.Tenant, RewardsTestData.Staff, templateId, tag, CancellationToken.None);

        Assert.Equal(new SendResult(2, 1, 1, 0), result);
        var delivered = smtp!.Delivered().ToDictionary(m => m.To.Mailboxes.Single().Address, m => m.Subject ?? "");
        Assert.Equal(new Dictionary<string, string> { ["ann@example.com"] = "Ann, you have 10 points", ["bob@example.com"] = "Bob, you have 0 points" }, delivered);
        Assert.Empty(await Sender.HistoryAsync(practice.Tenant, tagged[2], 10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task SmtpPassword_Saved_IsStoredEncrypted()
    {
        Skip.If(smtp is null, AiosmtpdReceiver.SkipReason);
        var settings = app.Services.GetRequiredService<SmtpSettingsService>();
        Assert.Null(await settings.SaveAsync(practice.Tenant, RewardsTestData.Staff,
            new SmtpSettingsInput("smtp.example.com", 587, SmtpTlsMode.StartTls, "mailer", "s3cret-Passw0rd", "front@example.com", null), CancellationToken.None));

        await using var db = app.Databases.Create(practice.Tenant);
        var stored = await db.SmtpSettings.SingleAsync();
        Assert.NotNull(stored.ProtectedPassword);
        Assert.DoesNotContain("s3cret", stored.ProtectedPassword);
        Assert.True((await settings.GetAsync(practice.Tenant, CancellationToken.None))!.HasPassword);
    }

    [SkippableFact]
    public async Task SendToPatient_MailServerDown_RecordsFailureAndSaysSo()
    {
        Skip.If(smtp is null, AiosmtpdReceiver.SkipReason);
        var ann = await PatientAsync("Ann", "Able", "ann@example.com");
        await smtp!.DisposeAsync();
        smtp = null;

        var result = await Sender.SendToPatientAsync(practice.Tenant, RewardsTestData.Staff, templateId, ann, CancellationToken.None);

        Assert.Equal(1, result.Failed);
        Assert.Equal(MessageStatus.Failed, Assert.Single(await Sender.HistoryAsync(practice.Tenant, ann, 10, CancellationToken.None)).Status);
    }
}
