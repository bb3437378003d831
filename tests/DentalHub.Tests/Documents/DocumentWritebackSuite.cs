using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DentalHub.Alerts;
using DentalHub.Auth.ApiKeys;
using DentalHub.Data;
using DentalHub.Documents;
using DentalHub.TestDoubles.OpenDental;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Rewards;
using DentalHub.Tests.Writeback;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Documents;

/// <summary>
/// A document attached in DentalHub reaches the patient's chart in Open Dental exactly once: over HTTP to the Open Dental
/// API double, the dispatcher on a clock the test drives.
/// </summary>
public abstract class DocumentWritebackSuite(DatabaseProvider provider) : IAsyncLifetime
{
    private const long PatNum = OpenDentalWritebackHost.PatNum;
    private const string Financial = "185";

    /// <summary>A PDF by its bytes: what a scanned, signed payment plan starts and ends with.</summary>
    internal static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();

    private OpenDentalWritebackHost? h;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (h is not null)
        {
            await h.DisposeAsync();
        }
    }

    private OpenDentalWritebackHost H => h ?? throw new InvalidOperationException("StartAsync first.");

    private PatientDocuments Documents => H.App.Services.GetRequiredService<PatientDocuments>();

    /// <summary>The practice, its Open Dental connection with one synced patient, and document writeback as asked.</summary>
    private async Task<OpenDentalApiTestDouble> StartAsync(bool writeDocuments = true)
    {
        h = await OpenDentalWritebackHost.StartAsync(provider, "Document Dental");
        await h.SetWritebackAsync(s => { s.WriteDocuments = writeDocuments; s.DefaultDocumentCategory = Financial; });
        return h.Api;
    }

    private async Task<PatientDocument> AddAsync(byte[]? content = null, string? category = null)
    {
        var (added, error) = await Documents.AddAsync(H.Practice.Tenant, RewardsTestData.Staff, H.PatientId,
            new DocumentInput("Payment plan (signed).pdf", content ?? Pdf, category, "Signed payment plan"), CancellationToken.None);
        Assert.Null(error);
        H.Writeback.CatchUpWithTheApp();
        return added!;
    }

    private Task RunUntilQuietAsync() => H.Writeback.RunUntilQuietAsync();

    private Task<List<WritebackCommand>> CommandsAsync() => H.Writeback.CommandsAsync();

    // The command's id is what the page's buttons act on; the state and words are what staff read.
    private async Task<PmsLogState> StateAsync() => (await StuckOrNotAsync()) with { CommandId = null };

    private async Task<PmsLogState> StuckOrNotAsync() =>
        Assert.Single(await Documents.ListAsync(H.Practice.Tenant, H.PatientId, 10, CancellationToken.None)).State;

    [SkippableFact]
    public async Task Pdf_WritebackOn_IsAttachedOnceInTheDefaultCategoryWithOurReference()
    {
        var od = await StartAsync();

        await AddAsync();
        var queued = Assert.Single(await CommandsAsync());
        Assert.Equal((WritebackKinds.Document, WritebackState.Pending), (queued.Kind, queued.State));
        Assert.DoesNotContain("JVBERi", queued.PayloadJson, StringComparison.Ordinal);
        Assert.Equal(new PmsLogState(PmsLogDisplay.BeingLogged, "Being recorded in Open Dental"), await StateAsync());
        await RunUntilQuietAsync();

        var stored = Assert.Single(od.Documents);
        Assert.Equal((PatNum, 185L, "Document"), (stored.PatNum, stored.DocCategory, stored.ImgType));
        Assert.Equal(Pdf, stored.Content);
        Assert.Equal($"[DentalHub ref {queued.Reference}] Signed payment plan (attached in DentalHub by Rae Rewards)", stored.Description);
        Assert.Equal(1, od.DocumentWrites.Posts);
        Assert.Equal(stored.DocNum.ToString(CultureInfo.InvariantCulture), Assert.Single(await CommandsAsync()).TargetId);
        Assert.Equal(new PmsLogState(PmsLogDisplay.Logged, "Recorded in Open Dental"), await StateAsync());
    }

    [SkippableFact]
    public async Task Document_AnswerLostAfterOpenDentalKeptIt_IsFoundByReadingBackWithoutASecondPost()
    {
        var od = await StartAsync();
        od.DocumentWrites.FailNext(PaymentFault.DropAfterCommit);
        await AddAsync();

        await H.Writeback.RunOnceAsync();
        Assert.Equal(WritebackState.Unknown, Assert.Single(await CommandsAsync()).State);
        H.Writeback.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunUntilQuietAsync();

        var stored = Assert.Single(od.Documents);
        Assert.Equal(1, od.DocumentWrites.Posts);
        Assert.Contains(od.Requests, r => r.Method == "GET" && r.Path == "/api/v1/documents" && r.Query["PatNum"] == "11");
        Assert.Equal(stored.DocNum.ToString(CultureInfo.InvariantCulture), Assert.Single(await CommandsAsync()).TargetId);
        Assert.Equal(PmsLogDisplay.Logged, (await StateAsync()).State);
    }

    [SkippableTheory]
    [InlineData(PaymentFault.Status500AfterCommit, 1)]
    [InlineData(PaymentFault.Status500BeforeCommit, 2)]
    [InlineData(PaymentFault.TimeoutAfterCommit, 1)]
    [InlineData(PaymentFault.Status429, 2)]
    public async Task Document_AfterOneFault_IsInOpenDentalExactlyOnce(PaymentFault fault, int posts)
    {
        var od = await StartAsync();
        od.DocumentWrites.Hold = TimeSpan.FromSeconds(5);
        od.DocumentWrites.FailNext(fault);
        await AddAsync();

        await RunUntilQuietAsync();

        Assert.Single(od.Documents);
        Assert.Equal(posts, od.DocumentWrites.Posts);
        Assert.Equal(WritebackState.Confirmed, Assert.Single(await CommandsAsync()).State);
    }

    [SkippableFact]
    public async Task Document_KeysRefused_WaitsForTheConnectionWithOneConnectionAlertAndIsAttachedOnceWhenItWorks()
    {
        var od = await StartAsync();
        od.DocumentWrites.FailNext(PaymentFault.Status401);
        await AddAsync();

        await H.Writeback.RunOnceAsync();

        Assert.Empty(od.Documents);
        Assert.Equal(PmsLogDisplay.BeingLogged, (await StateAsync()).State);
        await using (var db = H.App.Databases.Create(H.Practice.Tenant))
        {
            var alert = await db.Alerts.SingleAsync();
            Assert.Equal((AlertKinds.ConnectionNeedsAttention, $"/connections/{H.ConnectionId}"), (alert.Kind, alert.Link));
        }
        H.Writeback.Clock.Advance(TimeSpan.FromHours(1));
        await RunUntilQuietAsync();
        Assert.Single(od.Documents);
        Assert.Equal(PmsLogDisplay.Logged, (await StateAsync()).State);
    }

    [SkippableFact]
    public async Task Document_OpenDentalRefusesIt_NotRecordedWithOpenDentalsReasonAndOneAlertLinkingTheProfile()
    {
        var od = await StartAsync();
        var gone = await H.App.AddPatientAsync(H.Practice, "Gia", "Gone");
        await H.App.LinkAsync(H.Practice, H.ConnectionId, "777", gone);
        H.PatientId = gone;
        await AddAsync();

        await RunUntilQuietAsync();

        Assert.Empty(od.Documents);
        Assert.Equal(new PmsLogState(PmsLogDisplay.NotLogged, "Not recorded: Open Dental refused the document: Patient not found."), await StateAsync());
        Assert.True((await StuckOrNotAsync()).Stuck);
        await using var check = H.App.Databases.Create(H.Practice.Tenant);
        var alert = await check.Alerts.SingleAsync();
        Assert.Equal(AlertKinds.DocumentNotRecorded, alert.Kind);
        Assert.Equal($"/patients/{gone}#documents", alert.Link);
        Assert.DoesNotContain("gia", alert.Text, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableTheory]
    [InlineData("MZ", DocumentFile.NotADocument)]
    [InlineData("<html><script>alert(1)</script></html>", DocumentFile.NotADocument)]
    [InlineData("\u0089PNG\r\n\u001a\nnot really a picture", DocumentFile.Damaged)]
    [InlineData("", "The file is empty.")]
    public async Task Document_NotAPdfJpegOrPngByItsBytes_IsRefusedBeforeItIsKept(string start, string error)
    {
        await StartAsync();
        var bytes = start.Select(c => (byte)c).Concat(new byte[start.Length == 0 ? 0 : 64]).ToArray();

        var (added, refused) = await Documents.AddAsync(H.Practice.Tenant, RewardsTestData.Staff, H.PatientId,
            new DocumentInput("agreement.pdf", bytes, null, null), CancellationToken.None);

        Assert.Null(added);
        Assert.Equal(error, refused);
        Assert.Empty(await CommandsAsync());
        Assert.Empty(await Documents.ListAsync(H.Practice.Tenant, H.PatientId, 10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Document_OverTheSizeCap_IsRefusedSayingHowLargeItIsAndTheCap()
    {
        await StartAsync();
        var large = Pdf.Concat(new byte[DocumentFile.MaxBytes]).ToArray();

        var (added, error) = await Documents.AddAsync(H.Practice.Tenant, RewardsTestData.Staff, H.PatientId,
            new DocumentInput("scan.pdf", large, null, null), CancellationToken.None);

        Assert.Null(added);
        Assert.StartsWith("The file is 5.0 MB; at most 5 MB.", error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Document_HiddenCategory_IsRefusedBeforeItIsQueued()
    {
        await StartAsync();

        var (added, error) = await Documents.AddAsync(H.Practice.Tenant, RewardsTestData.Staff, H.PatientId,
            new DocumentInput("plan.pdf", Pdf, "187", null), CancellationToken.None);

        Assert.Null(added);
        Assert.Equal("Open Dental has no document category 187 in use. Choose one of its categories.", error);
        Assert.Empty(await CommandsAsync());
    }

    [SkippableFact]
    public async Task Document_WritebackOff_IsNotKeptAndSaysWhereToTurnItOn()
    {
        var od = await StartAsync(writeDocuments: false);

        var (added, error) = await Documents.AddAsync(H.Practice.Tenant, RewardsTestData.Staff, H.PatientId,
            new DocumentInput("plan.pdf", Pdf, null, null), CancellationToken.None);

        Assert.Null(added);
        Assert.Equal(PatientDocuments.WritebackOff, error);
        Assert.Empty(await CommandsAsync());
        Assert.False((await Documents.FormAsync(H.Practice.Tenant, H.PatientId, CancellationToken.None)).WritebackOn);
        Assert.Equal(0, od.DocumentWrites.Posts);
    }

    [SkippableFact]
    public async Task Api_MultipartWithTheWriteScope_AttachesOnceAndTheReadScopeListsItRecordedAndDownloadsTheFile()
    {
        var od = await StartAsync();
        var writer = await H.App.ApiClientAsync(H.Practice, "forms", ApiScopes.DocumentsWrite);
        var reader = await H.App.ApiClientAsync(H.Practice, "reports", ApiScopes.DocumentsRead);

        using var response = await writer.PostAsync($"/api/v1/patients/{H.PatientId}/documents", Multipart(Pdf, "receipt.pdf", "186"));
        using var refused = await reader.PostAsync($"/api/v1/patients/{H.PatientId}/documents", Multipart(Pdf, "receipt.pdf", "186"));
        H.Writeback.CatchUpWithTheApp();
        await RunUntilQuietAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(186L, Assert.Single(od.Documents).DocCategory);
        var listed = Assert.Single(await reader.ReadAsync<List<DocumentDto>>($"/api/v1/patients/{H.PatientId}/documents"));
        Assert.Equal(("receipt.pdf", "application/pdf", "Treatment Plans", "recorded", "Recorded in Open Dental"),
            (listed.FileName, listed.ContentType, listed.Category, listed.State, listed.StateText));
        using var file = await reader.GetAsync($"/api/v1/patients/{H.PatientId}/documents/{listed.Id}/file");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());
    }

    [SkippableFact]
    public async Task Api_Base64JsonOfAProgramRenamedPdf_400SayingWhatTheFileIsNot()
    {
        await StartAsync();
        var writer = await H.App.ApiClientAsync(H.Practice, "forms", ApiScopes.DocumentsWrite);
        var program = "MZ\u0090\0\u0003\0\0\0"u8.ToArray().Concat(new byte[200]).ToArray();

        using var response = await writer.PostAsJsonAsync($"/api/v1/patients/{H.PatientId}/documents",
            new { fileName = "agreement.pdf", contentBase64 = Convert.ToBase64String(program) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a PDF, JPEG or PNG", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await CommandsAsync());
    }

    [SkippableFact]
    public async Task Api_WritebackOff_AnswersConflictAndKeepsNothing()
    {
        await StartAsync(writeDocuments: false);
        var writer = await H.App.ApiClientAsync(H.Practice, "forms", ApiScopes.DocumentsWrite);

        using var response = await writer.PostAsJsonAsync($"/api/v1/patients/{H.PatientId}/documents",
            new { fileName = "plan.pdf", contentBase64 = Convert.ToBase64String(Pdf) });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Attaching documents is off", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await CommandsAsync());
    }

    [SkippableFact]
    public async Task Api_AnotherKeysScope_CannotListOrDownload()
    {
        await StartAsync();
        await AddAsync();
        var other = await H.App.ApiClientAsync(H.Practice, "patients", ApiScopes.PatientsRead, ApiScopes.AdjustmentsWrite);
        var id = Assert.Single(await Documents.ListAsync(H.Practice.Tenant, H.PatientId, 10, CancellationToken.None)).Id;

        using var list = await other.GetAsync($"/api/v1/patients/{H.PatientId}/documents");
        using var file = await other.GetAsync($"/api/v1/patients/{H.PatientId}/documents/{id}/file");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (list.StatusCode, file.StatusCode));
    }

    private static MultipartFormDataContent Multipart(byte[] bytes, string name, string category)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", name }, { new StringContent(category), "categoryId" }, { new StringContent("Receipt"), "description" } };
    }
}

public sealed class DocumentWritebackOnSqlite() : DocumentWritebackSuite(DatabaseProvider.Sqlite);

public sealed class DocumentWritebackOnPostgres() : DocumentWritebackSuite(DatabaseProvider.Postgres);
