using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Commlogs;

/// <summary>What staff read about a communication log write. Never includes the keys or the log's note.</summary>
internal static class CommlogMessages
{
    public static WriteMessages Write { get; } = new("communication log", "CommlogNum", Permission: "Comm");

    public const string NeedsKeys =
        "Writing communication logs needs Open Dental's API keys: add the developer key and customer key to this connection.";

    public const string BadReference = "The communication log's DentalHub reference cannot be stored in Open Dental's commlog note.";
    public const string BadPatient = "The communication log's patient is not an Open Dental patient number (PatNum).";
}
