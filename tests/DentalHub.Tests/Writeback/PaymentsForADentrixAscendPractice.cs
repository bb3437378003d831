using DentalHub.Connectors.NexHealth;
using DentalHub.Payments;
using DentalHub.Sync;
using DentalHub.TestDoubles.NexHealth;
using DentalHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DentalHub.Tests.Writeback;

/// <summary>
/// NexHealth writes no payments to Dentrix Ascend (its parity): a payment of an Ascend practice's patient is kept with a note
/// naming the system, and nothing is queued or sent.
/// </summary>
public sealed class PaymentsForADentrixAscendPractice : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase(), new Dictionary<string, string?> { ["Writeback:Worker"] = "false" });
    private NexHealthApiTestDouble api = null!;

    public async Task InitializeAsync() => api = await NexHealthApiTestDouble.StartAsync(flavour: NexHealthFlavour.DentrixAscend);

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Fact]
    public async Task Payment_PatientOnDentrixAscend_NotQueuedAndSaysToPostItInDentrixAscend()
    {
        api.Put(NexHealthApiTestDouble.Patients, NexHealthRecords.Patient(415, "Ana", "Ruiz", new DateOnly(1990, 4, 2)));
        var practice = await app.AddPracticeAsync("Ascend Smiles");
        var connection = await app.ConnectNexHealthAsync(practice, api, NexHealthPms.DentrixAscend);
        await app.SyncAsync(practice, connection, SyncResources.Patients);
        await using var db = app.Databases.Create(practice.Tenant);
        var patient = await db.Patients.Select(p => p.Id).SingleAsync();

        var payment = (await app.Services.GetRequiredService<PaymentIntake>().RecordAsync(practice.Tenant,
            new IncomingPayment("ch_ascend", "test", patient, PaymentSource.Portal, 80m, 0m, "USD", TimeProvider.System.GetUtcNow(), null), CancellationToken.None)).Payment;

        Assert.Equal("DentalHub cannot record payments in Dentrix Ascend: post this one there by hand.", payment.WritebackNote);
        Assert.Empty(await db.WritebackCommands.ToListAsync());
        Assert.DoesNotContain(api.Requests, r => r.Path == "/payments");
    }
}
