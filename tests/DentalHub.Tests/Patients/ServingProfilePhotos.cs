using System.Net;
using DentalHub.Auth;
using DentalHub.Patients.Photos;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Rewards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace DentalHub.Tests.Patients;

/// <summary>Staff upload a profile photo; it is served only to roles that may open profiles, as a JPEG we made, with caching by ETag.</summary>
public sealed class ServingProfilePhotos : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase());
    private TestPractice practice = default!;
    private TestPractice other = default!;
    private Guid patient;

    public async Task InitializeAsync()
    {
        practice = await app.AddPracticeAsync("Photo Dental");
        other = await app.AddPracticeAsync("Other Dental", practice.OrganizationId);
        patient = await app.AddPatientAsync(practice, "Pia", "Photo");
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    private PatientPhotos Photos => app.Services.GetRequiredService<PatientPhotos>();

    [Fact]
    public async Task Photo_OpenedByRewardsStaff_IsOurJpegWithSafeHeaders()
    {
        Assert.Null(await Photos.SaveAsync(practice.Tenant, RewardsTestData.Staff, patient, TestImages.Make(SKEncodedImageFormat.Png), CancellationToken.None));
        var browser = await Browser.SignedInAsync(app, await app.AddStaffAsync("Rae Rewards", (practice, PracticeRole.Rewards)));

        var response = await browser.Client.GetAsync($"/patients/{patient}/photo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("private", response.Headers.CacheControl!.ToString());
        Assert.Contains("sandbox", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(SKEncodedImageFormat.Jpeg, PhotoImage.Sniff(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Photo_RequestedAgainWithItsETag_IsNotModified()
    {
        Assert.Null(await Photos.SaveAsync(practice.Tenant, RewardsTestData.Staff, patient, TestImages.Make(SKEncodedImageFormat.Jpeg), CancellationToken.None));
        var browser = await Browser.SignedInAsync(app, await app.AddStaffAsync("Rae Rewards", (practice, PracticeRole.Rewards)));
        var first = await browser.Client.GetAsync($"/patients/{patient}/photo?small=true");

        var again = new HttpRequestMessage(HttpMethod.Get, $"/patients/{patient}/photo?small=true");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await browser.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Photo_OpenedByFinancialStaff_IsDenied()
    {
        Assert.Null(await Photos.SaveAsync(practice.Tenant, RewardsTestData.Staff, patient, TestImages.Make(SKEncodedImageFormat.Jpeg), CancellationToken.None));
        var browser = await Browser.SignedInAsync(app, await app.AddStaffAsync("Fin Financial", (practice, PracticeRole.Financial)));

        var response = await browser.Client.GetAsync($"/patients/{patient}/photo");

        Assert.Equal("/access-denied", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Photo_OfAnotherPracticesPatient_IsNotFound()
    {
        Assert.Null(await Photos.SaveAsync(practice.Tenant, RewardsTestData.Staff, patient, TestImages.Make(SKEncodedImageFormat.Jpeg), CancellationToken.None));
        var browser = await Browser.SignedInAsync(app, await app.AddStaffAsync("Olly Other", (other, PracticeRole.Admin)));

        var response = await browser.Client.GetAsync($"/patients/{patient}/photo");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Photo_NotSignedIn_GoesToSignIn()
    {
        await app.AddStaffAsync("Rae Rewards", (practice, PracticeRole.Rewards));

        var response = await app.CreateBrowserLikeClient().GetAsync($"/patients/{patient}/photo");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task UploadAndRemove_AreAuditedAndRemoveTakesThePhotoAway()
    {
        Assert.Null(await Photos.SaveAsync(practice.Tenant, RewardsTestData.Staff, patient, TestImages.Make(SKEncodedImageFormat.Jpeg), CancellationToken.None));
        Assert.True(await Photos.RemoveAsync(practice.Tenant, RewardsTestData.Staff, patient, CancellationToken.None));

        Assert.Null(await Photos.VersionAsync(practice.Tenant, patient, CancellationToken.None));
        await using var db = app.Databases.Create(practice.Tenant);
        var actions = await db.AuditEntries.Where(a => a.PatientId == patient).OrderBy(a => a.At).Select(a => a.Action).ToListAsync();
        Assert.Equal([PhotoAuditActions.Uploaded, PhotoAuditActions.Removed], actions);
    }

    [Fact]
    public async Task Upload_NotAPicture_KeepsTheEarlierPhoto()
    {
        Assert.Null(await Photos.SaveAsync(practice.Tenant, RewardsTestData.Staff, patient, TestImages.Make(SKEncodedImageFormat.Jpeg), CancellationToken.None));
        var before = await Photos.VersionAsync(practice.Tenant, patient, CancellationToken.None);

        var error = await Photos.SaveAsync(practice.Tenant, RewardsTestData.Staff, patient, "MZ\x90\x00 not a photo"u8.ToArray(), CancellationToken.None);

        Assert.NotNull(error);
        Assert.Equal(before, await Photos.VersionAsync(practice.Tenant, patient, CancellationToken.None));
    }
}
