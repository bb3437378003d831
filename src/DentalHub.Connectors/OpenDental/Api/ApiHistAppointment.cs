namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// One item of <c>GET /histappointments</c> (opendental.com/site/apihistappointments.html, 23.1.30+): a copy of an
/// appointment written whenever one is created, changed, missed, cancelled or deleted, with
/// <c>HistApptAction</c> by name and <c>HistDateTStamp</c> (when the copy was written, office time).
/// </summary>
internal sealed record ApiHistAppointment(long HistApptNum, string? HistDateTStamp, string? HistApptAction, long AptNum);
