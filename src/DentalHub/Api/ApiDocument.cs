using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DentalHub.Api;

/// <summary>
/// The public OpenAPI document: the REST API under /api/v1 and nothing else (pages' photos, the embed view, launch
/// URLs and exports are the app's own), with the API key as a bearer scheme so the reference's "try it" sends it.
/// </summary>
public static class ApiDocument
{
    public const string SchemeName = "ApiKey";

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "DentalHub API";
            document.Info.Description = "Per-practice REST API. Send one of the practice's API keys as a bearer token (the Authorization header: Bearer, a space, the key); an Owner or Admin creates keys on the API keys page. Errors are RFC 9457 problem details.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "API key",
                Description = "An API key of this practice, sent as a bearer token. Each route says which scope it needs.",
            };
            // Every route of the document needs a key (the /api/v1 group requires one).
            var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] };
            foreach (var operation in document.Paths.Values.Where(p => p.Operations is not null).SelectMany(p => p.Operations!.Values))
            {
                operation.Security = [requirement];
            }
            return Task.CompletedTask;
        });
    }
}
