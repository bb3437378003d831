using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Adjustments;

/// <summary>What staff read about an adjustment write. Never includes the keys or the adjustment's note.</summary>
internal static class AdjustmentMessages
{
    public static WriteMessages Write { get; } = new("adjustment", "AdjNum");

    public const string NeedsKeys =
        "Writing adjustments needs Open Dental's API keys: add the developer key and customer key to this connection.";

    /// <summary>What a database-mode connection lacks to write adjustments, as its connection check says it.</summary>
    public const string AddKeys = "add Open Dental's API keys (developer key and customer key) to this connection; Open Dental accepts adjustments only through its API";

    public const string BadReference = "The adjustment's DentalHub reference cannot be stored in Open Dental's adjustment note.";
    public const string BadPatient = "The adjustment's patient is not an Open Dental patient number (PatNum).";
    public const string Zero = "An adjustment of zero changes nothing; Open Dental is not sent one.";
    public const string FractionOfACent = "The adjustment's amount has fractions of a cent, which Open Dental cannot record.";
    public const string BadType = "The adjustment type is not an Open Dental adjustment type. Choose it again.";
    public const string BadProvider = "The adjustment's provider is not an Open Dental provider number (ProvNum).";
}
