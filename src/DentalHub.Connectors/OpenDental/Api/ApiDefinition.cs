using System.Globalization;
using System.Text.Json;

namespace DentalHub.Connectors.OpenDental.Api;

/// <summary>
/// One item of <c>GET /definitions</c> (apidefinitions.html): the office's lists (payment types, adjustment types,
/// image categories) are definitions of a category. isHidden is "true"/"false"; ItemValue means what the category
/// says (an adjustment type's "+" or "-").
/// </summary>
internal sealed record ApiDefinition(long DefNum, string? ItemName, string? ItemValue, JsonElement IsHidden)
{
    public const int AdjustmentTypes = 1;
    public const int PaymentTypes = 10;
    public const int ImageCategories = 18;

    public string Id => DefNum.ToString(CultureInfo.InvariantCulture);

    public string Name => ItemName ?? "";

    public bool Hidden => IsHidden.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => string.Equals(IsHidden.GetString(), "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>Every definition of a category, hidden ones too, so a choice made before it was hidden still shows by name.</summary>
    public static async Task<IReadOnlyList<ApiDefinition>> ReadCategoryAsync(
        OpenDentalApiClient reads, int category, string what, CancellationToken cancellationToken)
    {
        var query = new KeyValuePair<string, string>[] { new("Category", category.ToString(CultureInfo.InvariantCulture)), new("includeHidden", "true") };
        var definitions = new List<ApiDefinition>();
        for (var offset = 0; ; )
        {
            var page = await reads.GetListAsync<ApiDefinition>("definitions", query, offset, what, cancellationToken);
            definitions.AddRange(page);
            if (page.Count < OpenDentalApiClient.PageLimit)
            {
                return definitions;
            }
            offset += page.Count;
        }
    }
}
