namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>One item of <c>GET /carriers</c> (opendental.com/site/apicarriers.html, 22.4.16+); no change filter.</summary>
internal sealed record ApiCarrier(long CarrierNum, string? CarrierName, string? IsHidden);
