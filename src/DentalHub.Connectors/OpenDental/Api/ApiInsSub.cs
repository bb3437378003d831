namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// One item of <c>GET /inssubs</c> (opendental.com/site/apiinssubs.html, 22.4.28+): dates "yyyy-MM-dd" with
/// 0001-01-01 for none. Its SecDateTEdit filter returns subscriptions edited on or after a time, but a page of
/// coverages needs the subscriptions of all its patplans, so API mode reads the list whole once per read.
/// </summary>
internal sealed record ApiInsSub(
    long InsSubNum,
    long PlanNum,
    long Subscriber,
    string? DateEffective,
    string? DateTerm,
    string? SubscriberID);
