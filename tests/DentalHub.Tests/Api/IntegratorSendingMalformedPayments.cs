using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DentalHub.Auth.ApiKeys;
using DentalHub.Sync;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Api;

/// <summary>
/// Another program posts payments with mistakes in them: it gets a 400 problem that names the field and what it
/// accepts (never a 500 or an HTML page, whatever the environment), and a payment for a patient the practice does
/// not have is refused rather than stored as nobody's.
/// </summary>
public sealed class IntegratorSendingMalformedPayments
{
    private const string Valid = """{"processorReference":"ch_1","source":"Portal","gross":125.50,"fee":3.20,"currency":"USD","processedAt":"2026-03-01T14:30:00Z"}""";

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task MalformedBody_InEitherEnvironment_Is400ProblemNamingTheFieldAndWhatItAccepts(string environment)
    {
        await using var api = await PaymentsApiAsync(environment);

        var badSource = await PostAsync(api.Client, Valid.Replace("\"Portal\"", "\"Bitcoin\""));
        var badDate = await PostAsync(api.Client, Valid.Replace("\"2026-03-01T14:30:00Z\"", "\"yesterday\""));
        var notJson = await PostAsync(api.Client, "processorReference=ch_1&gross=125.50");
        var wrongKind = await PostAsync(api.Client, Valid.Replace("125.50", "\"a lot\""));

        Assert.Contains("CardTerminal", Error(badSource, "source"));
        Assert.Contains("Portal", Error(badSource, "source"));
        Assert.Contains("2026-03-01T14:30:00Z", Error(badDate, "processedAt"));
        Assert.Contains("JSON object", Error(notJson, "body"));
        Assert.Contains("number", Error(wrongKind, "gross"));
        Assert.Equal(0, await api.PaymentCountAsync());
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task BodyNotSentAsJson_InEitherEnvironment_Is415ProblemSayingHowToSendIt(string environment)
    {
        await using var api = await PaymentsApiAsync(environment);

        using var response = await api.Client.PostAsync("/api/v1/payments", new StringContent(Valid, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Content-Type: application/json", Error(await response.Content.ReadFromJsonAsync<JsonElement>(), "body"));
    }

    [Fact]
    public async Task PaymentForAPatientThePracticeDoesNotHave_IsRefusedWith422AndNotStored()
    {
        await using var api = await PaymentsApiAsync("Production");
        var stranger = Guid.NewGuid();

        using var response = await api.Client.PostAsync("/api/v1/payments", Json(Valid.Replace("{", $$"""{"patientId":"{{stranger}}",""")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(stranger.ToString(), problem.GetProperty("errors").GetProperty("patientId")[0].GetString());
        Assert.Equal(0, await api.PaymentCountAsync());
    }

    [Fact]
    public async Task PaymentWithoutAPatient_IsStoredUnassigned()
    {
        await using var api = await PaymentsApiAsync("Production");

        using var response = await api.Client.PostAsync("/api/v1/payments", Json(Valid));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var payment = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, payment.GetProperty("patientId").ValueKind);
    }

    [Fact]
    public async Task PaymentForAPatientOfThePractice_IsStoredForThem()
    {
        await using var api = await PaymentsApiAsync("Production");

        using var response = await api.Client.PostAsync("/api/v1/payments", Json(Valid.Replace("{", $$"""{"patientId":"{{api.PatientId}}",""")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(api.PatientId, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("patientId").GetGuid());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> PostAsync(HttpClient client, string body)
    {
        using var response = await client.PostAsync("/api/v1/payments", Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("DentalHub.", text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static string Error(JsonElement problem, string field) =>
        problem.GetProperty("errors").TryGetProperty(field, out var messages)
            ? string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()))
            : throw new Xunit.Sdk.XunitException($"No error for '{field}' in {problem}");

    private static async Task<PaymentsApi> PaymentsApiAsync(string environment)
    {
        var app = new DentalHubApp(new SqliteTestDatabase(), new Dictionary<string, string?> { ["environment"] = environment, ["Writeback:Worker"] = "false" });
        var practice = await app.AddPracticeAsync("Malformed Dental");
        var pms = new ScriptedPms();
        var connectionId = await app.ConnectAsync(practice, pms);
        pms.Upsert(ScriptedPms.Patient("900", "Pat", "Payer", new DateOnly(1980, 1, 1)));
        await app.SyncAsync(practice, connectionId, SyncResources.Patients);
        await using var db = app.Databases.Create(practice.Tenant);
        var patientId = await db.Patients.Select(p => p.Id).SingleAsync();
        return new PaymentsApi(app, practice, await app.ApiClientAsync(practice, "Portal", ApiScopes.PaymentsWrite), patientId);
    }

    private sealed record PaymentsApi(DentalHubApp App, TestPractice Practice, HttpClient Client, Guid PatientId) : IAsyncDisposable
    {
        public async Task<int> PaymentCountAsync()
        {
            await using var db = App.Databases.Create(Practice.Tenant);
            return await db.Payments.CountAsync();
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await App.DisposeAsync();
            await App.Database.DisposeAsync();
        }
    }
}
