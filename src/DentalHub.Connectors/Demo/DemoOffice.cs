using DentalHub.Connectors.Contract;

namespace DentalHub.Connectors.Demo;

/// <summary>One chair of the sample practice and who works in it every weekday.</summary>
/// <param name="ProviderPmsId">Who the chair's appointments are with: the dentist, or the hygienist in a hygiene chair.</param>
public sealed record DemoChair(PmsOperatory Operatory, string ProviderPmsId, bool IsHygiene);

/// <summary>
/// The sample practice's setup, the same for every seed: one clinic, three dentists and three hygienists each
/// in a chair of their own, the appointment types and the insurance plans its patients have. The ids match what
/// the sample patients already name (clinic "1", primary providers DOC1 and DOC2).
/// </summary>
public static class DemoOffice
{
    public const string ClinicId = "1";

    public static PmsClinic Clinic { get; } = new(
        ClinicId, "Sample Smiles Downtown", "DOWNTOWN",
        new PmsAddress("100 Sample Street", null, "Springfield", "IL", "62701"), "(555) 010-0100", IsHidden: false);

    public static IReadOnlyList<PmsProvider> Providers { get; } =
    [
        new("DOC1", "Sarah", "Mitchell", "DOC1", "1234567893", "General Dentistry", IsHygienist: false, IsHidden: false, ClinicId),
        new("DOC2", "Rajesh", "Kapoor", "DOC2", "1245319599", "General Dentistry", IsHygienist: false, IsHidden: false, ClinicId),
        new("DOC3", "Marcus", "Reid", "DOC3", "1679576722", "General Dentistry", IsHygienist: false, IsHidden: false, ClinicId),
        new("HYG1", "Jenna", "Brooks", "HYG1", null, "Hygiene", IsHygienist: true, IsHidden: false, ClinicId),
        new("HYG2", "Luis", "Ortega", "HYG2", null, "Hygiene", IsHygienist: true, IsHidden: false, ClinicId),
        new("HYG3", "Priya", "Shah", "HYG3", null, "Hygiene", IsHygienist: true, IsHidden: false, ClinicId),
    ];

    public static IReadOnlyList<DemoChair> Chairs { get; } =
    [
        new(new PmsOperatory("1", "Op 1", "OP1", ClinicId, "DOC1", null, IsHygiene: false, IsHidden: false, SortOrder: 0), "DOC1", IsHygiene: false),
        new(new PmsOperatory("2", "Op 2", "OP2", ClinicId, "DOC2", null, IsHygiene: false, IsHidden: false, SortOrder: 1), "DOC2", IsHygiene: false),
        new(new PmsOperatory("3", "Op 3", "OP3", ClinicId, "DOC3", null, IsHygiene: false, IsHidden: false, SortOrder: 2), "DOC3", IsHygiene: false),
        new(new PmsOperatory("4", "Hyg 1", "HYG1", ClinicId, "DOC1", "HYG1", IsHygiene: true, IsHidden: false, SortOrder: 3), "HYG1", IsHygiene: true),
        new(new PmsOperatory("5", "Hyg 2", "HYG2", ClinicId, "DOC2", "HYG2", IsHygiene: true, IsHidden: false, SortOrder: 4), "HYG2", IsHygiene: true),
        new(new PmsOperatory("6", "Hyg 3", "HYG3", ClinicId, "DOC3", "HYG3", IsHygiene: true, IsHidden: false, SortOrder: 5), "HYG3", IsHygiene: true),
    ];

    public static IReadOnlyList<PmsOperatory> Operatories { get; } = [.. Chairs.Select(c => c.Operatory)];

    public static class Types
    {
        public const string NewPatient = "1";
        public const string Recall = "2";
        public const string PerioMaintenance = "3";
        public const string Filling = "4";
        public const string Crown = "5";
        public const string RootCanal = "6";
        public const string Extraction = "7";
        public const string Emergency = "8";
    }

    public static IReadOnlyList<PmsAppointmentType> AppointmentTypes { get; } =
    [
        new(Types.NewPatient, "New Patient Exam", 60, "#4CAF50", IsHidden: false),
        new(Types.Recall, "Recall / Cleaning", 60, "#2196F3", IsHidden: false),
        new(Types.PerioMaintenance, "Perio Maintenance", 60, "#00ACC1", IsHidden: false),
        new(Types.Filling, "Filling", 60, "#FB8C00", IsHidden: false),
        new(Types.Crown, "Crown", 90, "#8E24AA", IsHidden: false),
        new(Types.RootCanal, "Root Canal", 90, "#E53935", IsHidden: false),
        new(Types.Extraction, "Extraction", 30, "#6D4C41", IsHidden: false),
        new(Types.Emergency, "Emergency", 30, "#D81B60", IsHidden: false),
    ];

    /// <summary>The plans, with the share of a fee each one's PPO contract leaves unpaid (written off).</summary>
    public static IReadOnlyList<(PmsInsurancePlan Plan, decimal PpoDiscount)> Plans { get; } =
    [
        (new PmsInsurancePlan("1", "Delta Dental of Illinois", "1", "Springfield Public Schools", "SPS-40112", "Springfield Public Schools", "PPO Percentage", 2000m, 50m, IsHidden: false), 0.18m),
        (new PmsInsurancePlan("2", "MetLife", "2", "Acme Manufacturing", "ACME-2201", "Acme Manufacturing Co.", "PPO Percentage", 2500m, 50m, IsHidden: false), 0.15m),
        (new PmsInsurancePlan("3", "Cigna Dental", "3", "Prairie Health System", "PHS-118", "Prairie Health System", "PPO Percentage", 1500m, 75m, IsHidden: false), 0.20m),
        (new PmsInsurancePlan("4", "Guardian", "4", "City of Springfield", "COS-7788", "City of Springfield", "Percentage", 2000m, 50m, IsHidden: false), 0.10m),
    ];

    public static IReadOnlyList<PmsInsurancePlan> InsurancePlans { get; } = [.. Plans.Select(p => p.Plan)];

    public static readonly TimeOnly DayStarts = new(8, 0);
    public static readonly TimeOnly LunchStarts = new(12, 0);
    public static readonly TimeOnly LunchEnds = new(13, 0);
    public static readonly TimeOnly DayEnds = new(17, 0);
}
