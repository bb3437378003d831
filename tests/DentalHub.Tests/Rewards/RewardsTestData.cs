using DentalHub.Audit;
using DentalHub.Patients;
using DentalHub.Rewards;
using DentalHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Rewards;

/// <summary>Profiles, menu items and links made straight in the database for rewards tests.</summary>
public static class RewardsTestData
{
    public static readonly AuditActor Staff = new(AuditActorKind.User, "user-1", "Rae Rewards");

    public static async Task<Guid> AddPatientAsync(this DentalHubApp app, TestPractice practice, string first, string last, DateOnly? birth = null, DateTimeOffset? createdAt = null)
    {
        await using var db = app.Databases.Create(practice.Tenant);
        var born = birth ?? new DateOnly(1990, 5, 17);
        var patient = new Patient
        {
            PracticeId = practice.PracticeId, FirstName = first, LastName = last, BirthDate = born,
            MatchKey = MatchKeys.For(first, last, born), CreatedAt = createdAt ?? DateTimeOffset.UnixEpoch, UpdatedAt = createdAt ?? DateTimeOffset.UnixEpoch,
        };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient.Id;
    }

    public static async Task LinkAsync(this DentalHubApp app, TestPractice practice, Guid connectionId, string pmsId, Guid patientId)
    {
        await using var db = app.Databases.Create(practice.Tenant);
        db.PatientLinks.Add(new PatientLink { PracticeId = practice.PracticeId, ConnectionId = connectionId, PmsId = pmsId, PatientId = patientId });
        await db.SaveChangesAsync();
    }

    public static async Task<Guid> AddMenuItemAsync(this DentalHubApp app, TestPractice practice, string name, long points)
    {
        var menu = app.Services.GetRequiredService<RewardMenu>();
        Assert.Null(await menu.AddCategoryAsync(practice.Tenant, Staff, "Visits", CancellationToken.None));
        var category = (await menu.ListAsync(practice.Tenant, false, CancellationToken.None))[^1].Id;
        Assert.Null(await menu.SaveItemAsync(practice.Tenant, Staff, null, category, name, points, true, CancellationToken.None));
        return (await menu.ListAsync(practice.Tenant, true, CancellationToken.None)).SelectMany(c => c.Items).Single(i => i.Name == name).Id;
    }
}
