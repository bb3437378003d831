namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>One item of <c>GET /employers</c> (opendental.com/site/apiemployers.html, 23.3.22+); no change filter.</summary>
internal sealed record ApiEmployer(long EmployerNum, string? EmpName);
