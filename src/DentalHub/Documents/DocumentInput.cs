namespace DentalHub.Documents;

/// <summary>A document as a person attaches it: the file as uploaded, the PMS category (null: the practice's default) and a description.</summary>
public sealed record DocumentInput(string? FileName, byte[] Content, string? CategoryId, string? Description);

/// <summary>What the "Attach document" form offers for one patient: where it goes and the practice's default category.</summary>
/// <param name="System">The PMS the patient's documents go to; null when none can take them (<paramref name="NotPossible"/> says why).</param>
public sealed record DocumentForm(string? System, bool WritebackOn, string? DefaultCategory, string? NotPossible);

/// <summary>A document attached from DentalHub and where it is in the PMS (the file itself is read on its own).</summary>
public sealed record DocumentLine(
    Guid Id, string FileName, string ContentType, int Size, string Category, string Description, string EnteredBy, DateTimeOffset EnteredAt,
    Writeback.PmsLogState State);

/// <summary>A document's file, to download.</summary>
public sealed record DocumentContent(string FileName, string ContentType, byte[] Content);
