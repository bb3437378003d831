using System.Security.Claims;
using DentalHub.Api;
using DentalHub.Audit;
using DentalHub.Auth.ApiKeys;
using DentalHub.Data;
using DentalHub.Writeback;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DentalHub.Documents;

/// <summary>
/// Documents attached to a patient's chart in the PMS: attach one (<c>documents:write</c>; sent exactly once by the
/// writeback engine), list them with where each one is and download a file (<c>documents:read</c>).
/// </summary>
public static class DocumentsApi
{
    public static void MapDocumentsApi(this RouteGroupBuilder api)
    {
        var read = api.MapPatientRoutes(ApiScopes.DocumentsRead, "Documents");
        read.MapGet("/documents", ListAsync).WithName("ListPatientDocuments")
            .WithSummary("The documents attached to the patient's chart from DentalHub, newest first (at most 100), each with where it is in the PMS. Audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/documents/{documentId:guid}/file", FileAsync).WithName("GetPatientDocumentFile")
            .WithSummary("The file of one document, as attached (application/pdf, image/jpeg or image/png). Audited.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPatientRoutes(ApiScopes.DocumentsWrite, "Documents")
            .MapPost("/documents", PostAsync).WithName("PostPatientDocument")
            .WithSummary("Attaches a PDF, JPEG or PNG (at most 5 MB, checked by its content) to the patient's chart: kept at once, then sent to the PMS exactly once. " +
                "Send multipart/form-data with a \"file\" part and optional \"categoryId\" and \"description\" fields, or JSON with fileName, contentBase64, categoryId and description. " +
                "categoryId left out takes the practice's default category. 409 when attaching documents is off or the patient's PMS cannot take documents.")
            .Accepts<DocumentRequest>("application/json", "multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<IReadOnlyList<DocumentDto>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, DentalHubDbFactory databases, PatientDocuments documents, AuditLog audit, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        await using (var db = databases.Create(caller.Tenant))
        {
            if (!await PatientRoutes.ExistsAsync(db, id, cancellationToken))
            {
                return PatientRoutes.NotFound(id);
            }
        }
        var lines = await documents.ListAsync(caller.Tenant, id, 100, cancellationToken);
        await PatientRoutes.AuditAsync(audit, caller, "Patient documents", id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DocumentDto>>(lines.Select(DocumentDto.From).ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileAsync(
        Guid id, Guid documentId, ClaimsPrincipal user, PatientDocuments documents, AuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        if (await documents.FileAsync(caller.Tenant, id, documentId, cancellationToken) is not { } file)
        {
            return TypedResults.Problem(statusCode: 404, title: "Document not found", detail: $"Patient {id} has no document {documentId} attached from DentalHub.");
        }
        await PatientRoutes.AuditAsync(audit, caller, "Patient document file", id, cancellationToken);
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Results<Created<DocumentDto>, ProblemHttpResult>> PostAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, PatientDocuments documents, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(user);
        var (input, unreadable) = await ReadAsync(request, cancellationToken);
        if (input is null)
        {
            return TypedResults.Problem(statusCode: 400, title: "Document not attached", detail: unreadable);
        }
        var (added, error) = await documents.AddAsync(caller.Tenant, caller.Actor, id, input, cancellationToken);
        if (added is null)
        {
            return error == PatientDocuments.NotInPractice
                ? PatientRoutes.NotFound(id)
                : TypedResults.Problem(statusCode: PatientDocuments.IsNotPossible(error!) ? 409 : 400, title: "Document not attached", detail: error);
        }
        var line = (await documents.ListAsync(caller.Tenant, id, 100, cancellationToken)).Single(d => d.Id == added.Id);
        return TypedResults.Created($"/api/v1/patients/{id}/documents/{added.Id}/file", DocumentDto.From(line));
    }

    /// <summary>The document from a multipart form or a JSON body, or what is wrong with the request.</summary>
    private static async Task<(DocumentInput? Input, string? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            if (form.Files.GetFile("file") is not { } file)
            {
                return (null, "Send the document in a part named \"file\".");
            }
            if (file.Length > DocumentFile.MaxBytes)
            {
                return (null, DocumentFile.TooLarge(file.Length));
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            return (new DocumentInput(file.FileName, buffer.ToArray(), form["categoryId"].FirstOrDefault(), form["description"].FirstOrDefault()), null);
        }
        var body = await request.ReadFromJsonAsync<DocumentRequest>(cancellationToken);
        if (body?.ContentBase64 is not { Length: > 0 } base64)
        {
            return (null, "contentBase64 is required: the file, base64-encoded.");
        }
        var content = new byte[base64.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(base64, content, out var length))
        {
            return (null, "contentBase64 is not base64.");
        }
        return (new DocumentInput(body.FileName, content[..length], body.CategoryId, body.Description), null);
    }
}

/// <summary>A document to attach as JSON: <c>contentBase64</c> the file, base64-encoded.</summary>
public sealed record DocumentRequest(string? FileName, string? ContentBase64, string? CategoryId, string? Description);

/// <summary>A document attached from DentalHub and where it is in the PMS (<c>state</c>: recorded, recorded-by-hand, being-recorded, not-recorded, needs-review, writeback-off).</summary>
public sealed record DocumentDto(
    Guid Id, string FileName, string ContentType, int Size, string Category, string Description, string EnteredBy, DateTimeOffset EnteredAt,
    string State, string StateText)
{
    public static DocumentDto From(DocumentLine line) => new(
        line.Id, line.FileName, line.ContentType, line.Size, line.Category, line.Description, line.EnteredBy, line.EnteredAt,
        line.State.ApiState, line.State.Text);
}
