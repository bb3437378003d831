namespace DentalHub.ImportFailures;

/// <summary>What an import failure did to its record, in words.</summary>
public static class SeverityText
{
    public static string Of(ImportFailureSeverity severity) => severity switch
    {
        ImportFailureSeverity.Error => "Not imported",
        ImportFailureSeverity.Warning => "Imported in part",
    };
}
