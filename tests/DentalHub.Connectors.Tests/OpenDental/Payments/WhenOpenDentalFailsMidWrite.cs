using System.Net;
using System.Net.Sockets;
using DentalHub.Connectors.Contract;
using static DentalHub.Connectors.Tests.OpenDental.Payments.PaymentConnection;

namespace DentalHub.Connectors.Tests.OpenDental.Payments;

/// <summary>POST /payments failing midway (<see cref="OpenDentalWriteFaults"/>), and what only payments are tested for.</summary>
public sealed class WhenOpenDentalFailsMidWrite : OpenDentalWriteFaults
{
    protected override string Noun => "payment";

    protected override int Posts => Api.PaymentPosts;

    protected override IReadOnlyList<long> Kept => Api.Payments.Select(p => p.PayNum).ToList();

    protected override void FailNext(PaymentFault fault) => Api.FailNextPayment(fault);

    protected override void AnswerRetryAfter(string value) => Api.PaymentRetryAfter = value;

    protected override Task<WriteOutcome> SendAsync(TimeSpan? requestTimeout = null) =>
        ApiMode(Api, Http, requestTimeout).WritePaymentAsync(Payment(), CancellationToken.None);

    protected override Task<FindOutcome> FindAsync() => ApiMode(Api, Http).FindWrittenPaymentAsync(Payment(), CancellationToken.None);

    [Fact]
    public async Task Write_DropOnAConnectionUsedBefore_IsNotResentByHttpClient()
    {
        var writer = ApiMode(Api, Http);
        await writer.ReadPaymentTypesAsync(CancellationToken.None);
        await writer.WritePaymentAsync(Payment(reference: "cmd-warm"), CancellationToken.None);
        Api.FailNextPayment(PaymentFault.DropAfterCommit);

        var outcome = await writer.WritePaymentAsync(Payment(), CancellationToken.None);

        Assert.IsType<WriteOutcome.Unknown>(outcome);
        Assert.Equal(2, Api.PaymentPosts);
        Assert.Equal(2, Api.Payments.Count);
    }

    [Fact]
    public async Task Write_NothingListening_IsTryLaterBecauseNothingWasSent()
    {
        var closed = $"http://127.0.0.1:{UnusedPort()}/api/v1";

        var outcome = await ApiMode(Api, Http, baseUrl: closed).WritePaymentAsync(Payment(), CancellationToken.None);

        var later = Assert.IsType<WriteOutcome.TryLater>(outcome);
        Assert.StartsWith($"DentalHub could not connect to Open Dental's API at {closed}", later.Reason, StringComparison.Ordinal);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
