namespace DentalHub.Connectors.Contract;

/// <summary>A connector that can read the practice's providers (dentists, hygienists).</summary>
public interface IReadsProviders
{
    IChangeFeed<PmsProvider> Providers { get; }
}

/// <summary>A connector that can read the practice's operatories (chairs).</summary>
public interface IReadsOperatories
{
    IChangeFeed<PmsOperatory> Operatories { get; }
}

/// <summary>A connector that can read the practice's appointment types.</summary>
public interface IReadsAppointmentTypes
{
    IChangeFeed<PmsAppointmentType> AppointmentTypes { get; }
}

/// <summary>A connector that can read the practice's clinics (locations) when the PMS has several.</summary>
public interface IReadsClinics
{
    IChangeFeed<PmsClinic> Clinics { get; }
}

/// <param name="Abbreviation">The short name the PMS shows on the schedule ("DOC1").</param>
/// <param name="Npi">The US National Provider Identifier, when the PMS has it.</param>
/// <param name="IsHygienist">A hygienist rather than a dentist (Open Dental: a secondary provider).</param>
/// <param name="IsHidden">Hidden or inactive in the PMS: kept for history, not offered for new work.</param>
public sealed record PmsProvider(
    string PmsId,
    string? FirstName,
    string? LastName,
    string? Abbreviation,
    string? Npi,
    string? Specialty,
    bool IsHygienist,
    bool IsHidden,
    string? ClinicPmsId) : IPmsRecord;

/// <param name="DentistPmsId">The provider the PMS assigns to the chair by default, if any.</param>
public sealed record PmsOperatory(
    string PmsId,
    string? Name,
    string? Abbreviation,
    string? ClinicPmsId,
    string? DentistPmsId,
    string? HygienistPmsId,
    bool IsHygiene,
    bool IsHidden,
    int SortOrder) : IPmsRecord;

/// <param name="LengthMinutes">The default length of an appointment of this type, when the PMS has one.</param>
/// <param name="Color">The colour the PMS shows, as #RRGGBB, when it has one.</param>
public sealed record PmsAppointmentType(
    string PmsId,
    string? Name,
    int? LengthMinutes,
    string? Color,
    bool IsHidden) : IPmsRecord;

public sealed record PmsClinic(
    string PmsId,
    string? Name,
    string? Abbreviation,
    PmsAddress Address,
    string? Phone,
    bool IsHidden) : IPmsRecord;
