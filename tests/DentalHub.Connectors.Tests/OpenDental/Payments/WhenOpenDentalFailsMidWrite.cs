using System.Net;
using System.Net.Sockets;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.Tests.Support;
using static DentalHub.Connectors.Tests.OpenDental.Payments.PaymentConnection;

namespace DentalHub.Connectors.Tests.OpenDental.Payments;

/// <summary>
/// Each failure during POST /payments gives the outcome that keeps the payment from being lost or
/// recorded twice: Unknown when Open Dental may have kept it, TryLater only when it certainly did
/// not. The POST is never sent again by the connector, whatever happens.
/// </summary>
public sealed class WhenOpenDentalFailsMidWrite : OpenDentalPaymentScenario
{
    [Theory]
    [InlineData(PaymentFault.TimeoutAfterCommit, true)]
    [InlineData(PaymentFault.Status500AfterCommit, true)]
    [InlineData(PaymentFault.Status500BeforeCommit, false)]
    [InlineData(PaymentFault.DropAfterCommit, true)]
    [InlineData(PaymentFault.DropBeforeCommit, false)]
    public async Task Write_FaultThatLeavesItUncertain_IsUnknownAndSentOnce(PaymentFault fault, bool kept)
    {
        Api.FailNextPayment(fault);
        var writer = ApiMode(Api, Http, requestTimeout: TimeoutFor(fault));

        var outcome = await writer.WritePaymentAsync(Payment(), CancellationToken.None);

        Assert.IsType<WriteOutcome.Unknown>(outcome);
        Assert.Equal(1, Api.PaymentPosts);
        Assert.Equal(kept ? 1 : 0, Api.Payments.Count);
    }

    [Theory]
    [InlineData(PaymentFault.TimeoutAfterCommit)]
    [InlineData(PaymentFault.Status500AfterCommit)]
    [InlineData(PaymentFault.DropAfterCommit)]
    public async Task FindAfterUnknown_OpenDentalKeptIt_FindsItsPayNum(PaymentFault fault)
    {
        Api.FailNextPayment(fault);
        var writer = ApiMode(Api, Http, requestTimeout: TimeoutFor(fault));
        await writer.WritePaymentAsync(Payment(), CancellationToken.None);

        var found = await writer.FindWrittenPaymentAsync(Payment(), CancellationToken.None);

        Assert.Equal(new FindOutcome.Found(Assert.Single(Api.Payments).PayNum.ToString(System.Globalization.CultureInfo.InvariantCulture)), found);
    }

    [Theory]
    [InlineData(PaymentFault.Status500BeforeCommit)]
    [InlineData(PaymentFault.DropBeforeCommit)]
    public async Task FindAfterUnknown_OpenDentalDidNotKeepIt_IsNotFoundAndSendingAgainWritesItOnce(PaymentFault fault)
    {
        Api.FailNextPayment(fault);
        var writer = ApiMode(Api, Http);
        await writer.WritePaymentAsync(Payment(), CancellationToken.None);

        var found = await writer.FindWrittenPaymentAsync(Payment(), CancellationToken.None);
        var again = await writer.WritePaymentAsync(Payment(), CancellationToken.None);

        Assert.Equal(new FindOutcome.NotFound(), found);
        Assert.IsType<WriteOutcome.Written>(again);
        Assert.Single(Api.Payments);
        Assert.Equal(2, Api.PaymentPosts);
    }

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
    public async Task Write_429_IsTryLaterAfterRetryAfterWithoutResending()
    {
        Api.PaymentRetryAfter = "42";
        Api.FailNextPayment(PaymentFault.Status429);

        var outcome = await ApiMode(Api, Http).WritePaymentAsync(Payment(), CancellationToken.None);

        var later = Assert.IsType<WriteOutcome.TryLater>(outcome);
        Assert.Equal(TimeSpan.FromSeconds(42), later.After);
        Assert.Equal(1, Api.PaymentPosts);
        Assert.Empty(Api.Payments);
    }

    [Fact]
    public async Task Write_NothingListening_IsTryLaterBecauseNothingWasSent()
    {
        var closed = $"http://127.0.0.1:{UnusedPort()}/api/v1";

        var outcome = await ApiMode(Api, Http, baseUrl: closed).WritePaymentAsync(Payment(), CancellationToken.None);

        var later = Assert.IsType<WriteOutcome.TryLater>(outcome);
        Assert.StartsWith($"DentalHub could not connect to Open Dental's API at {closed}", later.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_Timeout_SaysHowLongItWaitedAndThatItWillLookBeforeResending()
    {
        Api.FailNextPayment(PaymentFault.TimeoutAfterCommit);

        var outcome = await ApiMode(Api, Http, requestTimeout: TimeSpan.FromMilliseconds(400)).WritePaymentAsync(Payment(), CancellationToken.None);

        Assert.Equal(new WriteOutcome.Unknown(
            $"Open Dental's API at {Api.BaseUrl.ToString().TrimEnd('/')} did not answer within 0.4 seconds, so the payment may or may not have been recorded. DentalHub will look for it in Open Dental before sending it again."),
            outcome);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Only the "answers too late" fault needs the client to give up quickly; every other case gets a
    // timeout a loaded machine cannot hit, so the test measures the fault and not the machine.
    private static TimeSpan TimeoutFor(PaymentFault fault) =>
        fault == PaymentFault.TimeoutAfterCommit ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(20);
}
