namespace DentalHub.Tenancy;

/// <summary>A practice group: owns practices, staff and (later) organization-wide settings.</summary>
public sealed class Organization
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A location of an organization, with the time zone its wall-clock schedules use.</summary>
public sealed class Practice : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string Name { get; set; }

    /// <summary>IANA time zone id, e.g. "America/Chicago".</summary>
    public required string TimeZoneId { get; set; }

    public string? AddressLine1 { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? PostalCode { get; set; }

    /// <summary>A practice created from the generated sample data, labelled as such in the UI.</summary>
    public bool IsSample { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}
