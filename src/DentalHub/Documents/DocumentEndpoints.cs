using DentalHub.Auth;
using Microsoft.Net.Http.Headers;

namespace DentalHub.Documents;

/// <summary>
/// Serves a document attached from DentalHub to signed-in staff who may open profiles
/// (<c>/patients/{id}/documents/{documentId}</c>), always as a download: the bytes are as uploaded, so they are never
/// shown inside DentalHub's origin.
/// </summary>
public static class DocumentEndpoints
{
    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/patients/{id:guid}/documents/{documentId:guid}", async (
            Guid id, Guid documentId, HttpContext context, PracticeAccess access, PatientDocuments documents, CancellationToken cancellationToken) =>
        {
            var session = await access.ResolveAsync(context.User, cancellationToken);
            var document = session is null ? null : await documents.FileAsync(session.Tenant, id, documentId, cancellationToken);
            return Serve(context, document);
        }).RequireAuthorization(Policies.PatientData).ExcludeFromDescription();

    public static IResult Serve(HttpContext context, DocumentContent? document)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-store";
        if (document is null)
        {
            return TypedResults.NotFound();
        }
        headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(document.FileName);
        headers.ContentDisposition = disposition.ToString();
        return TypedResults.File(document.Content, document.ContentType);
    }
}
