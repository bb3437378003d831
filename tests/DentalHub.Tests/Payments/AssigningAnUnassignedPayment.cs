using System.Net;
using System.Net.Http.Json;
using DentalHub.Audit;
using DentalHub.Auth.ApiKeys;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Tests.Infrastructure;
using DentalHub.Tests.Writeback;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Payments;

/// <summary>A payment that arrived without a patient, assigned by staff through the API: then written to the PMS, once; on both databases.</summary>
public abstract class AssigningAnUnassignedPayment(DatabaseProvider provider) : IAsyncLifetime
{
    private WritebackHarness? harness;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (harness is not null)
        {
            await harness.DisposeAsync();
        }
    }

    private async Task<WritebackHarness> StartAsync() => harness = await WritebackHarness.StartOrSkipAsync(provider);

    [SkippableFact]
    public async Task UnassignedPayment_AssignedThroughTheApi_IsRecordedInThePmsOnce()
    {
        var h = await StartAsync();
        using var portal = await h.App.ApiClientAsync(h.Practice, "Portal", ApiScopes.PaymentsWrite);
        var recorded = await PostPaymentAsync(portal, "pi_nobody", patientId: null);
        Assert.Equal(WritebackDisplay.NeedsPatient, recorded.Writeback);
        await h.RunUntilQuietAsync();
        Assert.Empty(h.Pms.Ledger);

        var assigned = await portal.PostAsJsonAsync($"/api/v1/payments/{recorded.Id}/assign", new AssignPaymentRequest(h.PatientIds[0]));
        var again = await portal.PostAsJsonAsync($"/api/v1/payments/{recorded.Id}/assign", new AssignPaymentRequest(h.PatientIds[0]));
        await h.RunUntilQuietAsync();

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(h.PatientIds[0], (await assigned.Content.ReadFromJsonAsync<PaymentDto>(TestApiClients.Json))!.PatientId);
        Assert.Equal(77.38m, Assert.Single(h.Pms.Ledger).Amount);
        Assert.Equal(WritebackState.Confirmed, Assert.Single(await h.CommandsAsync()).State);
        var payment = await portal.ReadAsync<PaymentDto>($"/api/v1/payments/{recorded.Id}");
        Assert.Equal(WritebackDisplay.Recorded, payment.Writeback);
        Assert.EndsWith("as 77.38 USD, the net amount (less the card fee).", payment.WritebackText, StringComparison.Ordinal);
        await using var db = h.App.Databases.Create(h.Practice.Tenant);
        var audit = Assert.Single(await db.AuditEntries.Where(a => a.Action == "payment.assigned").ToListAsync());
        Assert.Equal((AuditActorKind.ApiKey, h.PatientIds[0]), (audit.ActorKind, audit.PatientId!.Value));
    }

    [SkippableFact]
    public async Task AssignedPayment_AssignedToAnotherPatient_Is409AndKeepsItsPatient()
    {
        var h = await StartAsync();
        using var portal = await h.App.ApiClientAsync(h.Practice, "Portal", ApiScopes.PaymentsWrite);
        var recorded = await PostPaymentAsync(portal, "pi_first", patientId: null);
        await portal.PostAsJsonAsync($"/api/v1/payments/{recorded.Id}/assign", new AssignPaymentRequest(h.PatientIds[0]));

        var other = await portal.PostAsJsonAsync($"/api/v1/payments/{recorded.Id}/assign", new AssignPaymentRequest(h.PatientIds[1]));

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(h.PatientIds[0], (await portal.ReadAsync<PaymentDto>($"/api/v1/payments/{recorded.Id}")).PatientId);
    }

    [SkippableFact]
    public async Task Assign_ToAPatientThePracticeDoesNotHave_Is422AndLeavesItUnassigned()
    {
        var h = await StartAsync();
        using var portal = await h.App.ApiClientAsync(h.Practice, "Portal", ApiScopes.PaymentsWrite);
        var recorded = await PostPaymentAsync(portal, "pi_stranger", patientId: null);

        var response = await portal.PostAsJsonAsync($"/api/v1/payments/{recorded.Id}/assign", new AssignPaymentRequest(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Null((await portal.ReadAsync<PaymentDto>($"/api/v1/payments/{recorded.Id}")).PatientId);
        Assert.Empty(await h.CommandsAsync());
    }

    [SkippableFact]
    public async Task Assign_WithAReadOnlyKey_IsForbidden()
    {
        var h = await StartAsync();
        using var portal = await h.App.ApiClientAsync(h.Practice, "Portal", ApiScopes.PaymentsWrite);
        using var reader = await h.App.ApiClientAsync(h.Practice, "Reports", ApiScopes.PaymentsRead);
        var recorded = await PostPaymentAsync(portal, "pi_readonly", patientId: null);

        var response = await reader.PostAsJsonAsync($"/api/v1/payments/{recorded.Id}/assign", new AssignPaymentRequest(h.PatientIds[0]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await h.CommandsAsync());
    }

    [SkippableFact]
    public async Task TwoStaffAssigningAtOnce_OnePatientWinsAndOneWriteIsQueued()
    {
        var h = await StartAsync();
        var recorded = await h.PayAsync("pi_race", patientId: null, 60m);
        var assignment = h.App.Services.GetRequiredService<PaymentAssignment>();

        var outcomes = await Task.WhenAll(h.PatientIds.Take(2).Select(patientId =>
            Task.Run(() => assignment.AssignAsync(h.Practice.Tenant, AuditActor.System, recorded.Payment.Id, patientId, CancellationToken.None))));

        Assert.Equal(
            new[] { AssignmentOutcome.Assigned, AssignmentOutcome.AssignedToAnother },
            outcomes.Select(o => o.Outcome).Order().ToArray());
        var command = Assert.Single(await h.CommandsAsync());
        var winner = outcomes.Single(o => o.Outcome == AssignmentOutcome.Assigned).Payment!.PatientId!.Value;
        Assert.Equal(winner.ToString(), command.OrderKey);
    }

    private static async Task<PaymentDto> PostPaymentAsync(HttpClient client, string reference, Guid? patientId)
    {
        var response = await client.PostAsJsonAsync("/api/v1/payments",
            new PaymentRequest(reference, patientId, PaymentSource.Portal, 80m, 2.62m, "USD", TimeProvider.System.GetUtcNow(), null), TestApiClients.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PaymentDto>(TestApiClients.Json))!;
    }
}

public sealed class AssigningAnUnassignedPaymentOnSqlite() : AssigningAnUnassignedPayment(DatabaseProvider.Sqlite);

public sealed class AssigningAnUnassignedPaymentOnPostgres() : AssigningAnUnassignedPayment(DatabaseProvider.Postgres);
