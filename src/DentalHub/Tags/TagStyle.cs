using MudBlazor;

namespace DentalHub.Tags;

public static class TagStyle
{
    public static Color Color(TagKind kind) => kind switch
    {
        TagKind.Status => MudBlazor.Color.Info,
        TagKind.Location => MudBlazor.Color.Secondary,
        _ => MudBlazor.Color.Primary,
    };
}
