namespace DentalHub.Connectors.NexHealth;

/// <summary>
/// NexHealth's published limits (docs.nexhealth.com/v2.2.2/reference/rate-limiting, /reference/pagination): per API key,
/// 100 requests a second (10 for <c>GET /appointments</c> and <c>GET /appointment_slots</c>), 1,000 a minute for the patients
/// and appointments endpoints and 2,000 a minute for others; read here as per endpoint, as the page lists them.
/// No Retry-After is documented on a 429, so a 429 waits out the window it may have hit.
/// </summary>
internal static class NexHealthLimits
{
    public const int MaxPerPage = 1000;
    public const int PerSecond = 100;
    public const int AppointmentsPerSecond = 10;
    public const int PatientsAndAppointmentsPerMinute = 1000;
    public const int OthersPerMinute = 2000;

    /// <summary>The requests an endpoint (its path's first segment: "patients") may make per second and per minute.</summary>
    public static (int PerSecond, int PerMinute) For(string endpoint) => endpoint switch
    {
        "appointments" or "appointment_slots" => (AppointmentsPerSecond, PatientsAndAppointmentsPerMinute),
        "patients" => (PerSecond, PatientsAndAppointmentsPerMinute),
        _ => (PerSecond, OthersPerMinute),
    };

    /// <summary>The endpoint a path belongs to for the limits: "patients/12/documents" → "patients".</summary>
    public static string EndpointOf(string path) => path.Trim('/').Split('/', '?')[0];
}
