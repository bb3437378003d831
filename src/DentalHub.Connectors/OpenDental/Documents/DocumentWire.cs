using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DentalHub.Connectors.Contract;
using DentalHub.Connectors.OpenDental.Writes;

namespace DentalHub.Connectors.OpenDental.Documents;

/// <summary>
/// The body of <c>POST /documents/Upload</c> (https://opendental.com/site/apidocuments.html, "Documents POST Upload"):
/// PatNum, rawBase64 (the file) and extension (".pdf", ".jpg", ".png") are required; Description, DateCreated
/// ("yyyy-MM-dd HH:mm:ss"), DocCategory (a definition of category 18, the office's first image category when left out)
/// and ImgType ("Document", "Radiograph", "Photo", "File") are optional. Open Dental answers 201 with the document
/// (DocNum). <c>GET /documents?PatNum=</c> lists the patient's documents with their Description, which is the only
/// field of ours it gives back (the stored file name is Open Dental's own), so our reference goes there.
/// </summary>
internal sealed record ApiDocumentUpload(
    long PatNum,
    string rawBase64,
    string extension,
    string Description,
    string DateCreated,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? DocCategory,
    string ImgType)
{
    /// <summary>document.Description is a varchar(255).</summary>
    public const int LongestDescription = 255;

    private static readonly JsonSerializerOptions Json = new();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The body for a document, or the reason it cannot be sent as it is.</summary>
    public static (ApiDocumentUpload? Body, string? Problem) From(PmsDocumentWrite document)
    {
        if (!ReferenceNote.IsUsable(document.Reference))
        {
            return (null, DocumentMessages.BadReference);
        }
        if (Number(document.PmsPatientId) is not { } patNum)
        {
            return (null, DocumentMessages.BadPatient);
        }
        if (document.Content.Length == 0)
        {
            return (null, DocumentMessages.Empty);
        }
        if (Extension(document.ContentType) is not { } extension)
        {
            return (null, DocumentMessages.BadType);
        }
        long? category = null;
        if (document.CategoryId is { } categoryText)
        {
            if (Number(categoryText) is not { } defNum)
            {
                return (null, DocumentMessages.BadCategory);
            }
            category = defNum;
        }
        return (new ApiDocumentUpload(
            patNum,
            Convert.ToBase64String(document.Content),
            extension,
            DescriptionOf(document),
            document.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            category,
            // A picture is a photo in Open Dental's Imaging module; a PDF a document.
            extension == ".pdf" ? "Document" : "Photo"), null);
    }

    /// <summary>Our reference first, so a long description is cut short and the reference never is.</summary>
    private static string DescriptionOf(PmsDocumentWrite document)
    {
        var description = ReferenceNote.For(document.Reference, document.Description);
        return description.Length <= LongestDescription ? description : description[..LongestDescription];
    }

    private static string? Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        _ => null,
    };

    internal static long? Number(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
}

/// <summary>The fields DentalHub reads from a document in Open Dental's answers (POST /documents/Upload and GET /documents); mounts have DocNum 0.</summary>
internal sealed record ApiWrittenDocument(long DocNum, string? Description);
