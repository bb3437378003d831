using DentalHub.Connections;
using DentalHub.Data;
using DentalHub.Payments;
using DentalHub.Sync;
using DentalHub.TestDoubles.OpenDental;
using DentalHub.Tests.Infrastructure;
using DentalHub.Writeback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DentalHub.Tests.Writeback;

/// <summary>
/// The whole path over HTTP: patients synced from the Open Dental API test double, a payment taken,
/// and the Open Dental connector writing it while the API fails after committing.
/// </summary>
public sealed class OpenDentalApiFailingAfterCommitting : IAsyncLifetime
{
    private readonly DentalHubApp app = new(new SqliteTestDatabase(), new Dictionary<string, string?> { ["Writeback:Worker"] = "false" });
    private OpenDentalApiTestDouble api = default!;
    private TestPractice practice = default!;
    private Guid connectionId;

    public async Task InitializeAsync()
    {
        api = await OpenDentalApiTestDouble.StartAsync();
        api.Add([new DoublePatient(11, "Nora", "Quinn", api.OfficeNow.AddMinutes(-5), Birthdate: "1984-03-02")]);
        practice = await app.AddPracticeAsync("Open Dental Practice");
        connectionId = await app.ConnectOpenDentalApiAsync(practice, api);
        var sync = await app.Services.GetRequiredService<SyncRunner>().RunAsync(practice.Tenant, connectionId, SyncResources.Patients, SyncTrigger.Manual, CancellationToken.None);
        Assert.Equal(SyncOutcomeKind.Completed, sync.Kind);
    }

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    [Theory]
    [InlineData(PaymentFault.DropAfterCommit)]
    [InlineData(PaymentFault.Status500AfterCommit)]
    [InlineData(PaymentFault.DropBeforeCommit)]
    public async Task Payment_WhenTheApiFailsAroundTheCommit_IsInOpenDentalExactlyOnce(PaymentFault fault)
    {
        await using var db = app.Databases.Create(practice.Tenant);
        var patientId = await db.Patients.Select(p => p.Id).SingleAsync();
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await app.Services.GetRequiredService<PaymentIntake>().RecordAsync(practice.Tenant,
            new IncomingPayment("ch_od_1", "test", patientId, PaymentSource.Portal, 212.40m, 6.46m, "USD", clock.GetUtcNow(), null), CancellationToken.None);
        api.FailNextPayment(fault);
        clock.Advance(TimeSpan.FromSeconds(1));

        var dispatcher = new WritebackDispatcher(app.Databases, app.Services.GetRequiredService<ConnectorFactory>(), [new PaymentWritebackTarget(app.Databases)], new WritebackPolicy(), clock, NullLogger<WritebackDispatcher>.Instance);
        await dispatcher.RunOnceAsync(CancellationToken.None);
        var afterFault = await db.WritebackCommands.AsNoTracking().SingleAsync();
        Assert.Equal(WritebackState.Unknown, afterFault.State);

        clock.Advance(TimeSpan.FromMinutes(1));
        for (var pass = 0; pass < 3; pass++)
        {
            await dispatcher.RunOnceAsync(CancellationToken.None);
        }

        var payment = Assert.Single(api.Payments);
        Assert.Equal((11L, 205.94m), (payment.PatNum, payment.PayAmt));
        var confirmed = await db.WritebackCommands.AsNoTracking().SingleAsync();
        Assert.Equal(WritebackState.Confirmed, confirmed.State);
        Assert.Equal(payment.PayNum.ToString(System.Globalization.CultureInfo.InvariantCulture), confirmed.TargetId);
        Assert.Contains(confirmed.Reference, payment.PayNote);
        Assert.Equal(fault == PaymentFault.DropBeforeCommit ? 2 : 1, api.PaymentPosts);
    }
}
