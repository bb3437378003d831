using System.Net;
using DentalHub.Connectors.Contract;
using static DentalHub.Connectors.Tests.OpenDental.Commlogs.CommlogConnection;

namespace DentalHub.Connectors.Tests.OpenDental.Commlogs;

/// <summary>POST /commlogs failing midway (<see cref="OpenDentalWriteFaults"/>), and its read-back failing.</summary>
public sealed class WhenOpenDentalFailsMidCommlog : OpenDentalWriteFaults
{
    protected override string Noun => "communication log";

    protected override int Posts => Api.CommlogWrites.Posts;

    protected override IReadOnlyList<long> Kept => Api.Commlogs.Select(c => c.CommlogNum).ToList();

    protected override void FailNext(PaymentFault fault) => Api.CommlogWrites.FailNext(fault);

    protected override void AnswerRetryAfter(string value) => Api.CommlogWrites.RetryAfter = value;

    protected override Task<WriteOutcome> SendAsync(TimeSpan? requestTimeout = null) =>
        ApiMode(Api, Http, requestTimeout).WriteCommlogAsync(Commlog(), CancellationToken.None);

    protected override Task<FindOutcome> FindAsync() => ApiMode(Api, Http).FindWrittenCommlogAsync(Commlog(), CancellationToken.None);

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Find_ReadBackFailsEveryTry_CouldNotCheckNeverNotFound(HttpStatusCode status)
    {
        Api.FailNext(10, status, status == HttpStatusCode.TooManyRequests ? "600" : null);

        var found = await FindAsync();

        Assert.IsType<FindOutcome.CouldNotCheck>(found);
    }
}
