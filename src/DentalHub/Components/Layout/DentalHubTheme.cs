using MudBlazor;

namespace DentalHub.Components.Layout;

/// <summary>The product's look: calm teal on white, readable on a front-desk laptop and a tablet.</summary>
public static class DentalHubTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0f766e",
            Secondary = "#4f46e5",
            Tertiary = "#0ea5e9",
            AppbarBackground = "#ffffff",
            AppbarText = "#0f172a",
            Background = "#f6f8fa",
            DrawerBackground = "#ffffff",
            DrawerText = "#334155",
            Success = "#15803d",
            Info = "#0369a1",
            Warning = "#92400e",
            Error = "#b91c1c",
            TextPrimary = "#0f172a",
            TextSecondary = "#475569",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "10px" },
    };
}
