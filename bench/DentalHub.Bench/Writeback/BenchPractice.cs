using DentalHub.Tenancy;

namespace DentalHub.Bench.Writeback;

/// <summary>The practice the writeback benchmark writes for: its tenant, its Open Dental connection, an API key and the synced patients.</summary>
public sealed record BenchPractice(TenantScope Tenant, Guid ConnectionId, string ApiKey, IReadOnlyList<Guid> PatientIds);
