using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DentalHub.TestDoubles.OpenDental;

/// <summary>
/// Documents, as https://opendental.com/site/apidocuments.html describes them: <c>POST /documents/Upload</c> (PatNum,
/// rawBase64 and extension required; Description, DateCreated "yyyy-MM-dd HH:mm:ss" (default now), DocCategory a
/// definition of category 18 (default the first image category) and ImgType optional; 201 with the document) and
/// <c>GET /documents?PatNum=</c> (PatNum required; the patient's documents ordered by DateCreated, without the files).
/// Open Dental stores the file under a name of its own, so only Description carries anything of the sender's back.
/// The page documents no size limit; this double sets none.
/// </summary>
public sealed partial class OpenDentalApiTestDouble
{
    /// <summary>The extensions Open Dental's Imaging module opens as documents or pictures.</summary>
    public static IReadOnlySet<string> DocumentExtensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { ".pdf", ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".doc", ".docx", ".txt" };

    private static readonly string[] ImgTypes = ["Document", "Radiograph", "Photo", "File", "Attachment"];

    private readonly List<DoubleDocument> documents = [];
    private long nextDocNum = 900;

    /// <summary>POST /documents/Upload: its bodies, posts, faults to meet and timing.</summary>
    public DoubleWriteEndpoint DocumentWrites { get; }

    public IReadOnlyList<DoubleDocument> Documents
    {
        get { lock (gate) { return documents.ToList(); } }
    }

    private void MapDocuments()
    {
        app.MapPost("/api/v1/documents/Upload", context => PostAsync(context, DocumentWrites, CreateDocument));
        app.MapGet("/api/v1/documents", GetDocuments);
    }

    // Callers hold the gate.
    private (int Status, object Answer) CreateDocument(string body)
    {
        if (ReadForPatient(body, out var json, out var patient) is { } refused)
        {
            return refused;
        }
        if (Field(json, "rawBase64") is not { Length: > 0 } rawBase64)
        {
            return (400, "rawBase64 is required.");
        }
        byte[] content;
        try
        {
            content = Convert.FromBase64String(rawBase64);
        }
        catch (FormatException)
        {
            return (400, "rawBase64 is not a valid Base64 string.");
        }
        if (Field(json, "extension") is not { Length: > 0 } extension)
        {
            return (400, "extension is required.");
        }
        if (!extension.StartsWith('.') || !DocumentExtensions.Contains(extension))
        {
            return (400, "extension is invalid.");
        }
        var created = OfficeNow;
        if (Field(json, "DateCreated") is { } createdText
            && !DateTime.TryParseExact(createdText, DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out created))
        {
            return (400, "DateCreated is not in a valid format.");
        }
        var categories = definitions.Where(d => d.Category == DoubleDefinition.ImageCats && !d.IsHidden).ToList();
        var category = categories.FirstOrDefault()?.DefNum ?? 0;
        if (Field(json, "DocCategory") is { } categoryText
            && (!long.TryParse(categoryText, CultureInfo.InvariantCulture, out category) || !categories.Any(c => c.DefNum == category)))
        {
            return (400, "DocCategory is invalid.");
        }
        var imgType = Field(json, "ImgType") ?? "Photo";
        if (!ImgTypes.Contains(imgType))
        {
            return (400, "ImgType is invalid.");
        }
        var description = Field(json, "Description") ?? "";
        if (description.Length > 255)
        {
            return (400, "Description is too long.");
        }
        var docNum = ++nextDocNum;
        var document = new DoubleDocument(docNum, patient.PatNum, $"{patient.LName}{patient.FName}{docNum}{extension.ToLowerInvariant()}",
            content, description, created, category, imgType, OfficeNow);
        documents.Add(document);
        return (201, document.ToJson(TypeName(category), OfficeNow.ToString(DateTimeFormat, CultureInfo.InvariantCulture)));
    }

    private IResult GetDocuments(HttpContext context) => Get(context, AnswerDocuments);

    private (int Status, IResult Result) AnswerDocuments(Dictionary<string, string> query)
    {
        if (PatientFilter(query, out var patNum) is { } refused)
        {
            return refused;
        }
        if (patNum is null)
        {
            return (400, Results.Text("PatNum is required.", statusCode: 400));
        }
        var serverDateTime = OfficeNow.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
        var page = Page(documents.Where(d => d.PatNum == patNum).OrderBy(d => d.DateCreated).ThenBy(d => d.DocNum), query)
            .Select(d => d.ToJson(TypeName(d.DocCategory), serverDateTime)).ToList();
        return (200, Results.Json(page, options: null, contentType: null, statusCode: 200));
    }
}
