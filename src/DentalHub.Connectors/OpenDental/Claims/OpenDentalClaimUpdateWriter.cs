using System.Globalization;
using System.Net;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Api;
using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Claims;

/// <summary>
/// Changes where a claim stands through Open Dental's API. The claim is read first (<c>GET /claims/{ClaimNum}</c>,
/// 23.3.11): one already as wanted is not sent again, one whose status moved from what staff saw is refused rather than
/// overwritten; then one PUT (<see cref="ClaimUpdateWire"/>). After an unknown outcome the claim is read again. Used by
/// API mode, and by database mode when the connection also has API keys.
/// </summary>
internal sealed class OpenDentalClaimUpdateWriter(WritePoster poster, OpenDentalApiClient reads) : IWritesClaimUpdates
{
    public static OpenDentalClaimUpdateWriter Create(ApiSettings settings, ConnectorContext context) => new(
        WritePoster.Create(settings, context), WritePoster.ReadBack(settings, context));

    public async Task<WriteOutcome> WriteClaimUpdateAsync(PmsClaimUpdate update, CancellationToken cancellationToken)
    {
        var (request, problem) = ClaimUpdateWire.From(update);
        if (request is null)
        {
            return new WriteOutcome.Refused(problem!);
        }
        ApiClaimRead? claim;
        try
        {
            claim = await ReadAsync(request.ClaimNum, cancellationToken);
        }
        catch (OpenDentalApiException e)
        {
            // Nothing was sent: a claim that could not be read is certainly not changed.
            return e.StatusCode is HttpStatusCode.Unauthorized
                ? new WriteOutcome.Unavailable(ClaimUpdateMessages.Write.KeysRefused)
                : new WriteOutcome.TryLater(ClaimUpdateMessages.CouldNotRead(e.Message), null);
        }
        if (claim is null)
        {
            return new WriteOutcome.Refused(ClaimUpdateMessages.NoClaim);
        }
        if (ClaimUpdateWire.AlreadyAsWanted(claim, update))
        {
            return new WriteOutcome.Written(request.ClaimNum.ToString(CultureInfo.InvariantCulture));
        }
        var now = InsuranceCodes.ClaimStatus(claim.ClaimStatus);
        if (now != update.Expected)
        {
            return new WriteOutcome.Refused(ClaimUpdateMessages.MovedSince(now, update.Expected));
        }
        return await poster.PutAsync(request.Path, request.Body, ClaimUpdateMessages.Write, request.ClaimNum, cancellationToken);
    }

    public async Task<FindOutcome> FindWrittenClaimUpdateAsync(PmsClaimUpdate update, CancellationToken cancellationToken)
    {
        if (ClaimUpdateWire.From(update).Request is not { } request)
        {
            // WriteClaimUpdateAsync refuses these before sending anything.
            return new FindOutcome.NotFound();
        }
        try
        {
            return await ReadAsync(request.ClaimNum, cancellationToken) is { } claim && ClaimUpdateWire.AlreadyAsWanted(claim, update)
                ? new FindOutcome.Found(request.ClaimNum.ToString(CultureInfo.InvariantCulture))
                : new FindOutcome.NotFound();
        }
        catch (OpenDentalApiException e)
        {
            return new FindOutcome.CouldNotCheck(e.Message);
        }
    }

    private Task<ApiClaimRead?> ReadAsync(long claimNum, CancellationToken cancellationToken) =>
        reads.GetOneOrNullAsync<ApiClaimRead>($"claims/{claimNum.ToString(CultureInfo.InvariantCulture)}", "claim", cancellationToken);
}
