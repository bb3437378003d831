using DentalHub.Patients.Contacts;
using DentalHub.Patients;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Rewards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Patients;

/// <summary>Staff add the people the PMS does not hold to a profile; bad input is explained and nothing is lost; changes are audited.</summary>
public sealed class KeepingExtraContacts : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private TestPractice practice = default!;
    private Guid patient;

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Contacts Dental");
        patient = await app.AddPatientAsync(practice, "Kim", "Kid", new DateOnly(2015, 3, 4));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    private PatientContacts Contacts => app.Services.GetRequiredService<PatientContacts>();

    [Theory]
    [InlineData(null, "555-010-9999", null, false, "Name is required")]
    [InlineData("Mo Kid", null, null, false, "phone number or an e-mail")]
    [InlineData("Mo Kid", "call me", null, false, "is not a phone number")]
    [InlineData("Mo Kid", "12345", null, false, "is not a phone number")]
    // An extension's digits would run on from the number's, and search by its last digits would miss it.
    [InlineData("Mo Kid", "555-010-2233 x12", null, false, "is not a phone number")]
    [InlineData("Mo Kid", null, "mo@kid", false, "not a valid address")]
    [InlineData("Mo Kid", null, "mo kid@example.com", false, "not a valid address")]
    [InlineData("Mo Kid", "555-010-9999", null, true, "add their e-mail address")]
    public async Task Save_InvalidInput_SaysWhatToFixAndSavesNothing(string? name, string? phone, string? email, bool messages, string expected)
    {
        var problems = await Contacts.SaveAsync(practice.Tenant, RewardsTestData.Staff, patient, null, new ContactInput(name, "Mother", phone, email, null, messages), CancellationToken.None);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.Empty(await Contacts.ListAsync(practice.Tenant, patient, CancellationToken.None));
    }

    [Fact]
    public async Task AddEditRemove_KeepsTheContactAndAuditsEachChangeWithoutItsDetails()
    {
        var input = new ContactInput("  Mo Kid ", "Mother", "(555) 010-9999", "mo@example.com", "Call after 5", true);
        Assert.Empty(await Contacts.SaveAsync(practice.Tenant, RewardsTestData.Staff, patient, null, input, CancellationToken.None));
        var saved = Assert.Single(await Contacts.ListAsync(practice.Tenant, patient, CancellationToken.None));
        Assert.Equal(("Mo Kid", "(555) 010-9999", true), (saved.Name, saved.Phone, saved.MayReceiveMessages));

        Assert.Empty(await Contacts.SaveAsync(practice.Tenant, RewardsTestData.Staff, patient, saved.Id, input with { Phone = "555 010 7777" }, CancellationToken.None));
        Assert.Equal("555 010 7777", Assert.Single(await Contacts.ListAsync(practice.Tenant, patient, CancellationToken.None)).Phone);
        Assert.True(await Contacts.RemoveAsync(practice.Tenant, RewardsTestData.Staff, patient, saved.Id, CancellationToken.None));

        Assert.Empty(await Contacts.ListAsync(practice.Tenant, patient, CancellationToken.None));
        await using var db = app.Databases.Create(practice.Tenant);
        var entries = await db.AuditEntries.Where(a => a.PatientId == patient).OrderBy(a => a.At).ToListAsync();
        Assert.Equal([ContactAuditActions.Saved, ContactAuditActions.Saved, ContactAuditActions.Removed], entries.Select(e => e.Action));
        Assert.DoesNotContain(entries, e => e.Subject!.Contains("Mo", StringComparison.Ordinal) || e.Subject.Contains("555", StringComparison.Ordinal));
        Assert.Empty(await db.PatientPhones.Where(p => p.PatientId == patient).ToListAsync());
    }

    [Fact]
    public async Task ContactPhone_SearchedForInTheList_FindsThePatient()
    {
        Assert.Empty(await Contacts.SaveAsync(practice.Tenant, RewardsTestData.Staff, patient, null,
            new ContactInput("Mo Kid", "Mother", "555.010.4242", null, null, false), CancellationToken.None));

        var rows = await app.Services.GetRequiredService<PatientSearch>().FindAsync(practice.Tenant, "(555) 010-4242", CancellationToken.None);

        Assert.Equal("Kid", Assert.Single(rows).LastName);
    }

    [Fact]
    public async Task Save_ContactOfAnotherPracticesPatient_IsRefused()
    {
        var other = await app.AddPracticeAsync("Other Dental", practice.OrganizationId);

        var problems = await Contacts.SaveAsync(other.Tenant, RewardsTestData.Staff, patient, null, new ContactInput("Mo", null, "5550109999", null, null, false), CancellationToken.None);

        Assert.Contains("not in this practice", Assert.Single(problems));
    }
}
