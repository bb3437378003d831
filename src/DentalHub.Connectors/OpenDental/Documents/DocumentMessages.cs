using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Documents;

/// <summary>What staff read about a document write. Never includes the keys, the file or its description.</summary>
internal static class DocumentMessages
{
    public static WriteMessages Write { get; } = new("document", "DocNum");

    public const string NeedsKeys =
        "Attaching documents needs Open Dental's API keys: add the developer key and customer key to this connection.";

    /// <summary>What a database-mode connection lacks to attach documents, as its connection check says it.</summary>
    public const string AddKeys = "add Open Dental's API keys (developer key and customer key) to this connection; Open Dental accepts documents only through its API";

    public const string BadReference = "The document's DentalHub reference cannot be stored in Open Dental's document description.";
    public const string BadPatient = "The document's patient is not an Open Dental patient number (PatNum).";
    public const string BadCategory = "The document category is not an Open Dental image category. Choose it again.";
    public const string Empty = "The document is empty; Open Dental is not sent one.";
    public const string BadType = "Only PDF, JPEG and PNG documents are sent to Open Dental.";
}
