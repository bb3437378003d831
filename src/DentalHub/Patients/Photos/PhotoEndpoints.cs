using DentalHub.Auth;
using Microsoft.Net.Http.Headers;

namespace DentalHub.Patients.Photos;

/// <summary>
/// Serves profile photos to signed-in staff who may open profiles (<c>/patients/{id}/photo</c>); the
/// compact view has its own route under <c>/embed</c> for its embed-only session. Always JPEG (we encoded
/// it), never sniffed, cached privately and revalidated by ETag so a removed photo or a withdrawn role
/// takes effect on the next look.
/// </summary>
public static class PhotoEndpoints
{
    public static void MapPhotoEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/patients/{id:guid}/photo", async (Guid id, bool? small, HttpContext context, PracticeAccess access, PatientPhotos photos, CancellationToken cancellationToken) =>
        {
            var session = await access.ResolveAsync(context.User, cancellationToken);
            var photo = session is null ? null : await photos.ReadAsync(session.Tenant, id, small == true, cancellationToken);
            return Serve(context, photo, small == true);
        }).RequireAuthorization(Policies.PatientData);

    public static IResult Serve(HttpContext context, PhotoContent? photo, bool small)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-cache";
        if (photo is null)
        {
            return TypedResults.NotFound();
        }
        var etag = new EntityTagHeaderValue($"\"{photo.Version}{(small ? "-s" : "")}\"");
        headers.ETag = etag.ToString();
        // An image answered on its own is not a document: nothing in it may run or be framed.
        headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";
        headers.ContentDisposition = "inline; filename=\"photo.jpg\"";
        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.File(photo.Bytes, PhotoImage.ContentType);
    }
}
