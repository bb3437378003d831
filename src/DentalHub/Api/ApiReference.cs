using Scalar.AspNetCore;

namespace DentalHub.Api;

/// <summary>
/// The API reference page (/api/reference): served whole from DentalHub, so it works on a practice network that
/// reaches nothing outside (no web fonts, AI chat, telemetry or the vendor's toolbar and buttons), and "try it" sends
/// the API key of <see cref="ApiDocument.SchemeName"/>.
/// </summary>
public static class ApiReference
{
    public static void Configure(ScalarOptions options)
    {
        options.WithTitle("DentalHub API").WithOpenApiRoutePattern("/openapi/{documentName}.json");
        options.DefaultFonts = false;
        options.Telemetry = false;
        options.HideClientButton = true;
        options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
        options.Agent = new ScalarAgentOptions { Disabled = true };
        options.Mcp = new ScalarMcpOptions { Disabled = true };
        options.Favicon = "/favicon.svg";
        options.AddPreferredSecuritySchemes(ApiDocument.SchemeName);
        // The "Powered by" link in the sidebar's footer leads off to the vendor's site.
        options.CustomCss = "a[href*=\"utm_source=powered-by\"] { display: none !important; }";
    }
}
