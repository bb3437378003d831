using System.Text.Json.Nodes;

namespace DentalHub.Connectors.Tests.Stripe;

/// <summary>
/// The published Stripe samples in shared/fixtures/stripe, found beside the repository (the folder
/// holding Directory.Packages.props) or under DENTALHUB_SHARED.
/// </summary>
internal static class StripeFixtures
{
    private static readonly Lazy<string?> LocatedFolder = new(Locate);
    private static readonly Lazy<string> OpenApiText = new(() => ReadText("openapi-fixtures3.json"));

    public static string? Folder => LocatedFolder.Value;

    public static void SkipIfAbsent() => Skip.If(Folder is null,
        "Stripe fixtures not found: expected shared/fixtures/stripe beside the repository " +
        "(../shared from the folder holding Directory.Packages.props) or under DENTALHUB_SHARED.");

    /// <summary>A file's text with LF line endings, as Stripe signed it (a Windows checkout may add CR).</summary>
    public static string ReadText(string fileName) =>
        File.ReadAllText(Path.Combine(Folder!, fileName)).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>A fresh copy of one example object from Stripe's OpenAPI fixtures (charge, payout, ...).</summary>
    public static JsonObject Resource(string name) =>
        JsonNode.Parse(OpenApiText.Value)!["resources"]![name]!.DeepClone().AsObject();

    public static JsonObject Json(string fileName) => JsonNode.Parse(ReadText(fileName))!.AsObject();

    private static string? Locate()
    {
        var shared = Environment.GetEnvironmentVariable("DENTALHUB_SHARED");
        if (string.IsNullOrWhiteSpace(shared))
        {
            var repository = new DirectoryInfo(AppContext.BaseDirectory);
            while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "Directory.Packages.props")))
            {
                repository = repository.Parent;
            }
            if (repository?.Parent is null)
            {
                return null;
            }
            shared = Path.Combine(repository.Parent.FullName, "shared");
        }
        var folder = Path.Combine(shared, "fixtures", "stripe");
        return Directory.Exists(folder) ? folder : null;
    }
}
